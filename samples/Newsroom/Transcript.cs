using System.Runtime.CompilerServices;
using RelGen;

namespace Newsroom;

/// <summary>
/// Prints the walkthrough the way the documentation reads: prose, then <c>&gt;&gt;&gt; python</c> lines
/// with the C# that does the same underneath, then the result. Every result is checked against the
/// documented one; a different result throws <see cref="WalkthroughException"/>. Database steps come as
/// lambdas, run only after their line is printed, so <c>--sql</c> shows each command under its step.
/// </summary>
public sealed class Transcript
{
    /// <summary>The documentation's explanatory text before a group of steps.</summary>
    public void Say(string prose)
    {
        Console.WriteLine();
        Console.WriteLine(prose);
    }

    /// <summary>A Python statement of the documentation whose C# is plain object construction.</summary>
    public void Do(string python) => Console.WriteLine($">>> {python}");

    /// <summary>A statement with no output.</summary>
    public async Task DoAsync(string python, Func<Task> action, [CallerArgumentExpression(nameof(action))] string csharp = "")
    {
        Step(python, csharp);
        await action();
    }

    /// <summary>A statement whose result the next steps use.</summary>
    public async Task<T> DoAsync<T>(string python, Func<Task<T>> action, [CallerArgumentExpression(nameof(action))] string csharp = "")
    {
        Step(python, csharp);
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
        Step(python, csharp);
        Check(python, await actual(), expected);
    }

    /// <summary>A query set's rows, printed by name in order.</summary>
    public async Task ShowRowsAsync<T>(string python, Func<Task<List<T>>> rows, string[] expected, [CallerArgumentExpression(nameof(rows))] string csharp = "")
    {
        Step(python, csharp);
        string[] names = (await rows()).Select(row => $"{row}").ToArray();
        Console.WriteLine(List(names));
        if (!names.SequenceEqual(expected))
            throw new WalkthroughException(python, List(expected), List(names));
    }

    /// <summary>A statement the documentation shows failing: it must throw <typeparamref name="TException"/> with a message containing <paramref name="expected"/>.</summary>
    public async Task FailsAsync<TException>(string python, Func<Task> action, string expected, [CallerArgumentExpression(nameof(action))] string csharp = "")
        where TException : Exception
    {
        Step(python, csharp);
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
        Step(python, csharp);
        Check(python, (await delete()).ToString(), expected);
    }

    static void Step(string python, string csharp)
    {
        Console.WriteLine($">>> {python}");
        // The lambda's body is the C# to show.
        Console.WriteLine($"    // {(csharp.StartsWith("() => ", StringComparison.Ordinal) ? csharp[6..] : csharp)}");
    }

    static void Check<T>(string python, T actual, T expected)
    {
        Console.WriteLine(actual);
        if (!EqualityComparer<T>.Default.Equals(actual, expected))
            throw new WalkthroughException(python, $"{expected}", $"{actual}");
    }

    static string List(IEnumerable<string> names) => $"[{string.Join(", ", names)}]";
}
