using System.Globalization;
using System.Text;

namespace RelGen.Schema.Json;

/// <summary>
/// Writes JSON text by hand, deterministically: properties in the order they are written, two-space
/// indentation (or none), <c>\n</c> line ends, only the escapes JSON requires.
/// </summary>
public sealed class JsonWriter
{
    private readonly StringBuilder _text = new();
    private readonly bool _indented;
    private int _depth;
    private bool _first = true;
    private bool _afterName;

    public JsonWriter(bool indented) => _indented = indented;

    public void StartObject() => Open('{');

    public void EndObject() => Close('}');

    public void StartArray() => Open('[');

    public void EndArray() => Close(']');

    public void Name(string name)
    {
        BeforeValue();
        WriteString(name);
        _text.Append(_indented ? ": " : ":");
        _afterName = true;
    }

    public void String(string? value)
    {
        BeforeValue();
        if (value is null)
            _text.Append("null");
        else
            WriteString(value);
    }

    public void Number(int value)
    {
        BeforeValue();
        _text.Append(value.ToString(CultureInfo.InvariantCulture));
    }

    public void Bool(bool value)
    {
        BeforeValue();
        _text.Append(value ? "true" : "false");
    }

    /// <summary>An array of strings on one line: short column lists stay readable in a diff.</summary>
    public void StringArray(System.Collections.Generic.IEnumerable<string> values)
    {
        BeforeValue();
        _text.Append('[');
        var first = true;
        foreach (var value in values)
        {
            _text.Append(first ? "" : _indented ? ", " : ",");
            WriteString(value);
            first = false;
        }
        _text.Append(']');
    }

    public override string ToString() => _indented ? _text.ToString() + "\n" : _text.ToString();

    private void Open(char bracket)
    {
        BeforeValue();
        _text.Append(bracket);
        _depth++;
        _first = true;
    }

    private void Close(char bracket)
    {
        _depth--;
        if (!_first)
            NewLine();
        _text.Append(bracket);
        _first = false;
    }

    private void BeforeValue()
    {
        if (_afterName)
        {
            _afterName = false;
            return;
        }
        if (!_first)
            _text.Append(',');
        if (_depth > 0)
            NewLine();
        _first = false;
    }

    private void NewLine()
    {
        if (!_indented)
            return;
        _text.Append('\n');
        _text.Append(' ', _depth * 2);
    }

    private void WriteString(string value)
    {
        _text.Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': _text.Append("\\\""); break;
                case '\\': _text.Append("\\\\"); break;
                case '\n': _text.Append("\\n"); break;
                case '\r': _text.Append("\\r"); break;
                case '\t': _text.Append("\\t"); break;
                default:
                    if (c < ' ')
                        _text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        _text.Append(c);
                    break;
            }
        }
        _text.Append('"');
    }
}
