using RelGen.Save;

namespace RelGen.Query;

/// <summary>
/// Refuses a lookup value PostgreSQL cannot take (<see cref="ValueProblems"/>: text with a NUL or a lone surrogate, a
/// <see cref="DateTime"/> of Kind <c>Unspecified</c>) when the predicate is built, naming the model and member it is
/// compared with, so nothing is sent and no driver error surfaces later.
/// </summary>
internal static class LookupValues
{
    /// <summary><paramref name="value"/>, once checked against <paramref name="expression"/>.</summary>
    public static T Checked<T>(SqlExpression expression, T value)
    {
        if (ValueProblems.Of(value) is { } problem)
            Refuse(expression, problem);
        return value;
    }

    /// <summary><paramref name="values"/>, once each is checked against <paramref name="expression"/>.</summary>
    public static T[] CheckedAll<T>(SqlExpression expression, T[] values)
    {
        foreach (var value in values)
            Checked(expression, value);
        return values;
    }

    private static void Refuse(SqlExpression expression, string problem)
    {
        var (model, member) = expression.PlainColumn is { } column
            ? (column.Column.Model.Name, column.Column.Property)
            : ("expression", expression.ToString() ?? "?");
        throw new ModelValidationException(model, member, "the lookup value " + problem + "; nothing was sent.");
    }
}
