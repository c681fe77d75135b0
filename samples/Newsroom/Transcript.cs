using System.Runtime.CompilerServices;
using RelGen;

namespace Newsroom;

/// <summary>
/// Prints the walkthrough step by step for a C# reader: prose, then the C# of each step, the documentation's
/// Python for the same step under it, then the result. Every result is checked against the documented
/// one; a different result throws <see cref="WalkthroughException"/>. Steps come as lambdas (whose text is
/// the C# shown), run only after their lines are printed, so <c>--sql</c> shows each command under its step.
/// </summary>
public sealed class Transcript
{
    /// <summary>The documentation's explanatory text before a group of steps.</summary>
    public void Say(string prose)
    {
        Console.WriteLine();
        Console.WriteLine(prose);
    }

    /// <summary>A statement that makes or reads an object without the database, e.g. a constructor.</summary>
    public T Do<T>(string python, Func<T> action, [CallerArgumentExpression(nameof(action))] string csharp = "")
    {
        Step(python, csharp);
        return action();
    }

    /// <summary>A statement with no output.</summary>
    public async Task DoAsync(string python, Func<Task> action, [CallerArgumentExpression(nameof(action))] string csharp = "")
    {
        Step(python, csharp, awaited: true);
        await action();
    }

    /// <summary>A statement whose result the next steps use.</summary>
    public async Task<T> DoAsync<T>(string python, Func<Task<T>> action, [CallerArgumentExpression(nameof(action))] string csharp = "")
    {
        Step(python, csharp, awaited: true);
        return await action();
    }

    /// <summary>An expression and its value, printed as text.</summary>
    public void Show<T>(string python, T actual, T expected, [CallerArgumentExpression(nameof(actual))] string csharp = "")
    {
        Step(python, csharp);
        Check(python, actual, expected);
    }

    public async Task ShowAsync<T>(string python, Func<Task<T>> actual, T expected, [CallerArgumentExpression(nameof(actual))] string csharp = "")
    {
        Step(python, csharp, awaited: true);
        Check(python, await actual(), expected);
    }

    /// <summary>A query set's rows, printed by name in order.</summary>
    public async Task ShowRowsAsync<T>(string python, Func<Task<List<T>>> rows, string[] expected, [CallerArgumentExpression(nameof(rows))] string csharp = "")
    {
        Step(python, csharp, awaited: true);
        string[] names = (await rows()).Select(row => $"{row}").ToArray();
        Console.WriteLine(List(names));
        if (!names.SequenceEqual(expected))
            throw new WalkthroughException(python, List(expected), List(names));
    }

    /// <summary>A statement the documentation shows failing: it must throw <typeparamref name="TException"/> with a message containing <paramref name="expected"/>.</summary>
    public async Task FailsAsync<TException>(string python, Func<Task> action, string expected, [CallerArgumentExpression(nameof(action))] string csharp = "")
        where TException : Exception
    {
        Step(python, csharp, awaited: true);
        try
        {
            await action();
        }
        catch (TException e) when (e.Message.Contains(expected, StringComparison.Ordinal))
        {
            Console.WriteLine("Traceback (most recent call last):");
            Console.WriteLine("...");
            Console.WriteLine($"{typeof(TException).Name}: {e.Message}");
            return;
        }
        throw new WalkthroughException(python, $"{typeof(TException).Name} mentioning \"{expected}\"", "no such exception");
    }

    /// <summary>A delete and what it removed, as Django prints it: the total, then the count per model.</summary>
    public async Task DeletesAsync(string python, Func<Task<DeleteResult>> delete, string expected, [CallerArgumentExpression(nameof(delete))] string csharp = "")
    {
        Step(python, csharp, awaited: true);
        Check(python, (await delete()).ToString(), expected);
    }

    static void Step(string python, string csharp, bool awaited = false)
    {
        // The lambda's body is the C# to show; its continuation lines keep their indentation relative to the first.
        string body = csharp.StartsWith("() => ", StringComparison.Ordinal) ? csharp[6..] : csharp;
        Console.WriteLine($"C#      {(awaited ? "await " : "")}{string.Join(Environment.NewLine + "        ", body.Split('\n').Select(line => line.Trim()))}");
        Console.WriteLine($"Django  {python}");
    }

    static void Check<T>(string python, T actual, T expected)
    {
        Console.WriteLine(actual);
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
            throw new WalkthroughException(python, $"{expected}", $"{actual}");
    }

    static string List(IEnumerable<string> names) => $"[{string.Join(", ", names)}]";
}
