using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace RelGen.Schema.Json;

/// <summary>
/// A small strict JSON parser (RFC 8259) for snapshot files: no System.Text.Json on netstandard2.0 inside the
/// generator. Values become <see cref="Dictionary{TKey,TValue}"/> (objects), <see cref="List{T}"/> (arrays),
/// <see cref="string"/>, <see cref="decimal"/>, <see cref="bool"/> or null.
/// </summary>
public sealed class JsonReader
{
    private const int MaxDepth = 64;
    private readonly string _text;
    private int _pos;

    private JsonReader(string text) => _text = text;

    /// <summary>Parses one JSON document; <see cref="SnapshotFormatException"/> names the line and column of a syntax error.</summary>
    public static object? Parse(string text)
    {
        var reader = new JsonReader(text ?? throw new ArgumentNullException(nameof(text)));
        reader.SkipWhitespace();
        var value = reader.ReadValue(0);
        reader.SkipWhitespace();
        if (reader._pos != text.Length)
            throw reader.Error("unexpected text after the JSON value");
        return value;
    }

    private object? ReadValue(int depth)
    {
        if (depth > MaxDepth)
            throw Error("nesting is too deep");
        if (_pos >= _text.Length)
            throw Error("unexpected end of text");
        switch (_text[_pos])
        {
            case '{': return ReadObject(depth);
            case '[': return ReadArray(depth);
            case '"': return ReadString();
            case 't': Expect("true"); return true;
            case 'f': Expect("false"); return false;
            case 'n': Expect("null"); return null;
            default: return ReadNumber();
        }
    }

    private Dictionary<string, object?> ReadObject(int depth)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        _pos++;
        SkipWhitespace();
        if (Peek() == '}')
        {
            _pos++;
            return result;
        }
        while (true)
        {
            SkipWhitespace();
            if (Peek() != '"')
                throw Error("expected a property name in double quotes");
            var name = ReadString();
            if (result.ContainsKey(name))
                throw Error($"property '{name}' appears twice");
            SkipWhitespace();
            if (Peek() != ':')
                throw Error("expected ':'");
            _pos++;
            SkipWhitespace();
            result[name] = ReadValue(depth + 1);
            SkipWhitespace();
            var next = Peek();
            _pos++;
            if (next == '}')
                return result;
            if (next != ',')
                throw Error("expected ',' or '}'", _pos - 1);
        }
    }

    private List<object?> ReadArray(int depth)
    {
        var result = new List<object?>();
        _pos++;
        SkipWhitespace();
        if (Peek() == ']')
        {
            _pos++;
            return result;
        }
        while (true)
        {
            SkipWhitespace();
            result.Add(ReadValue(depth + 1));
            SkipWhitespace();
            var next = Peek();
            _pos++;
            if (next == ']')
                return result;
            if (next != ',')
                throw Error("expected ',' or ']'", _pos - 1);
        }
    }

    private string ReadString()
    {
        var start = _pos;
        _pos++;
        var result = new StringBuilder();
        while (true)
        {
            if (_pos >= _text.Length)
                throw Error("unterminated string", start);
            var c = _text[_pos++];
            if (c == '"')
                return result.ToString();
            if (c < ' ')
                throw Error("control character in a string", _pos - 1);
            if (c != '\\')
            {
                result.Append(c);
                continue;
            }
            if (_pos >= _text.Length)
                throw Error("unterminated string", start);
            var escape = _text[_pos++];
            switch (escape)
            {
                case '"': result.Append('"'); break;
                case '\\': result.Append('\\'); break;
                case '/': result.Append('/'); break;
                case 'b': result.Append('\b'); break;
                case 'f': result.Append('\f'); break;
                case 'n': result.Append('\n'); break;
                case 'r': result.Append('\r'); break;
                case 't': result.Append('\t'); break;
                case 'u':
                    if (_pos + 4 > _text.Length
                        || !int.TryParse(_text.Substring(_pos, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code))
                        throw Error("bad \\u escape", _pos - 2);
                    result.Append((char)code);
                    _pos += 4;
                    break;
                default:
                    throw Error($"unknown escape '\\{escape}'", _pos - 2);
            }
        }
    }

    private decimal ReadNumber()
    {
        var start = _pos;
        if (Peek() == '-')
            _pos++;
        var digits = _pos;
        while (_pos < _text.Length && (char.IsDigit(_text[_pos]) || _text[_pos] is '.' or 'e' or 'E' or '+' or '-'))
            _pos++;
        var token = _text.Substring(start, _pos - start);
        if (_pos == digits || !decimal.TryParse(token, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
            throw Error(token.Length == 0 ? $"unexpected character '{_text[start]}'" : $"bad number '{token}'", start);
        return value;
    }

    private void Expect(string word)
    {
        if (string.CompareOrdinal(_text, _pos, word, 0, word.Length) != 0)
            throw Error($"unexpected character '{_text[_pos]}'");
        _pos += word.Length;
    }

    private char Peek() => _pos < _text.Length ? _text[_pos] : '\0';

    private void SkipWhitespace()
    {
        while (_pos < _text.Length && _text[_pos] is ' ' or '\t' or '\n' or '\r')
            _pos++;
    }

    private SnapshotFormatException Error(string problem, int? at = null)
    {
        var position = Math.Min(at ?? _pos, _text.Length);
        int line = 1, column = 1;
        for (var i = 0; i < position; i++)
        {
            if (_text[i] == '\n')
            {
                line++;
                column = 1;
            }
            else
                column++;
        }
        return new SnapshotFormatException($"JSON syntax error at line {line}, column {column}: {problem}.");
    }
}
