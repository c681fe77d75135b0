using RelGen.Query;

namespace RelGen.Sql;

/// <summary>
/// Whether a <c>Distinct().CountAsync()</c> can count rows instead of distinct keys, and where each filter condition goes.
/// Its filters are read as conjuncts (each clause split at its top-level ANDs). A conjunct that reads a reverse relation
/// (a column under the relation's first reverse hop, in that clause) moves into an <c>EXISTS</c> over that hop, one per hop
/// and clause, as the clause's join was one per hop and clause; the others stay on the model's rows, whose forward joins
/// never repeat a row, so <c>COUNT(*)</c> counts each model row once.
/// <para>
/// This is exact only when the <c>LEFT OUTER JOIN</c> of the hop behaves as a semi-join: its NULL-extended row (a model row
/// with no related row) must never pass the filter. So every hop needs one conjunct that is not true when the hop's
/// columns are NULL (a strict comparison, <c>IS NOT NULL</c>, <c>= ANY</c>, <c>LIKE</c>…; not <c>IS NULL</c>, <c>IS
/// DISTINCT FROM</c>, a negation, nor an OR with a side that does not read the hop). A conjunct that reads two hops, or
/// that reads a hop and holds a correlated subquery (an aggregate, <c>Any</c>, a negation across a relation, whose paths
/// would be read from the hop instead of the model), keeps the whole query in its joined form. So does any
/// token this plan does not know.
/// </para>
/// </summary>
internal sealed class DistinctCountPlan
{
    /// <summary>Conjuncts that read a reverse relation, by the index of their first token: the relation's first reverse hop.</summary>
    private readonly Dictionary<int, RelationPath> _anchored = [];

    /// <summary>The first reverse hop the conjunct starting at <paramref name="token"/> reads; false for a condition on the model's rows.</summary>
    public bool TryGetAnchor(int token, out RelationPath anchor) => _anchored.TryGetValue(token, out anchor!);

    /// <summary>The plan of the filters starting at <paramref name="start"/> (the token after the query's header), or null for the joined form.</summary>
    public static DistinctCountPlan? TryCreate(ShapeToken[] tokens, int start)
    {
        var plan = new DistinctCountPlan();
        var hops = new List<(RelationPath Anchor, int Group, bool Rejects)>();
        var next = start;
        for (var group = 0; tokens[next].Op == ShapeOp.Filter; group++)
        {
            next++;
            if (!plan.ReadConjuncts(tokens, ref next, group, hops))
                return null;
        }
        return hops.TrueForAll(h => h.Rejects) ? plan : null;
    }

    private bool ReadConjuncts(ShapeToken[] tokens, ref int next, int group, List<(RelationPath Anchor, int Group, bool Rejects)> hops)
    {
        if (tokens[next].Op == ShapeOp.And)
        {
            next++;
            return ReadConjuncts(tokens, ref next, group, hops) && ReadConjuncts(tokens, ref next, group, hops);
        }
        var start = next;
        var reader = new ConjunctReader(tokens, next);
        var rejects = reader.Predicate(collect: true);
        next = reader.Next;
        if (reader.Unknown || reader.SecondAnchor || (reader.Anchor is not null && reader.HasSubquery))
            return false;
        if (reader.Anchor is not { } anchor)
            return true;
        _anchored.Add(start, anchor);
        var index = hops.FindIndex(h => h.Group == group && h.Anchor.Equals(anchor));
        if (index < 0)
            hops.Add((anchor, group, rejects));
        else if (rejects)
            hops[index] = (anchor, group, true);
        return true;
    }

    /// <summary>
    /// Reads one predicate's tokens: which reverse hop its columns read (at the query's own level, not inside subqueries),
    /// and whether it is NULL-rejecting, i.e. never true when the columns it reads across reverse relations are NULL.
    /// </summary>
    private struct ConjunctReader(ShapeToken[] tokens, int next)
    {
        public int Next = next;
        public RelationPath? Anchor;
        public bool SecondAnchor;
        public bool HasSubquery;
        public bool Unknown;

        /// <summary>True when the predicate is not true whenever the reverse-joined columns it reads are NULL.</summary>
        public bool Predicate(bool collect)
        {
            if (!TryTake(out var token))
                return false;
            switch (token.Op)
            {
                case ShapeOp.And:
                {
                    var left = Predicate(collect);
                    return Predicate(collect) | left;
                }
                case ShapeOp.Or:
                {
                    var left = Predicate(collect);
                    return Predicate(collect) & left;
                }
                case ShapeOp.Not:
                    // ((p) IS NOT TRUE) is true where p is NULL. Across a relation (Arg 1) p reads a sibling level of its own.
                    if (token.Arg == 1)
                        HasSubquery = true;
                    Predicate(collect && token.Arg == 0);
                    return false;
                case ShapeOp.Compare:
                {
                    var left = Expression(collect);
                    var right = Expression(collect);
                    // IS DISTINCT FROM is the one comparison that is true for a NULL; the others are strict.
                    return (LookupOperator)token.Arg != LookupOperator.NotEqual && (left | right);
                }
                case ShapeOp.IsNull:
                    return Expression(collect) && token.Arg == 0;
                case ShapeOp.In:
                {
                    var left = Expression(collect);
                    Parameter();
                    return left;
                }
                case ShapeOp.InNothing:
                    return false;
                case ShapeOp.InQuery:
                {
                    // The keys query is a level of its own, correlated to nothing: it may go wherever its expression goes.
                    var left = Expression(collect);
                    Query();
                    return left;
                }
                case ShapeOp.Exists:
                    HasSubquery = true;
                    if ((token.Arg & AggregateCall.FilterFlag) != 0)
                        Predicate(collect: false);
                    return false;
                case ShapeOp.Range:
                {
                    var value = Expression(collect);
                    var low = Expression(collect);
                    return Expression(collect) | low | value;
                }
                default:
                    Unknown = true;
                    return false;
            }
        }

        /// <summary>True when the expression is NULL whenever the reverse-joined columns it reads are NULL (and it reads one).</summary>
        private bool Expression(bool collect)
        {
            if (!TryTake(out var token))
                return false;
            switch (token.Op)
            {
                case ShapeOp.Column:
                    var path = (RelationPath?)token.A;
                    if (collect && AggregateCall.FirstReverseHop(path) is { } hop)
                    {
                        if (Anchor is null)
                            Anchor = hop;
                        else if (!Anchor.Equals(hop))
                            SecondAnchor = true;
                    }
                    // Date transforms (CAST, EXTRACT, AT TIME ZONE) are strict too.
                    return path is { IsMultiValued: true };
                case ShapeOp.Parameter or ShapeOp.Null:
                    return false;
                case ShapeOp.Arithmetic:
                {
                    var left = Expression(collect);
                    return Expression(collect) | left;
                }
                case ShapeOp.Aggregate:
                    // A correlated subquery of its own, anchored at the model's row: it reads no joined row of this level.
                    HasSubquery = true;
                    if ((token.Arg & AggregateCall.ArgumentFlag) != 0)
                        Expression(collect: false);
                    if ((token.Arg & AggregateCall.FilterFlag) != 0)
                        Predicate(collect: false);
                    return false;
                default:
                    Unknown = true;
                    return false;
            }
        }

        private void Parameter()
        {
            if (TryTake(out var token) && token.Op != ShapeOp.Parameter)
                Unknown = true;
        }

        /// <summary>The next token; false once a token was not understood (the rest cannot be read in step) or at the end.</summary>
        private bool TryTake(out ShapeToken token)
        {
            if (Unknown || Next >= tokens.Length)
            {
                Unknown = true;
                token = default;
                return false;
            }
            token = tokens[Next++];
            return true;
        }

        /// <summary>Reads past a subquery (an <c>IN</c>'s keys query): its own level, nothing to collect.</summary>
        private void Query()
        {
            if (TryTake(out var head) && head.Op != ShapeOp.Query)
                Unknown = true;
            while (TryTake(out var token))
            {
                switch (token.Op)
                {
                    case ShapeOp.Filter:
                        Predicate(collect: false);
                        break;
                    case ShapeOp.Order:
                        Expression(collect: false);
                        break;
                    case ShapeOp.Limit or ShapeOp.Offset:
                        Parameter();
                        break;
                    case ShapeOp.SelectRelated or ShapeOp.Lock or ShapeOp.LockOf:
                        break;
                    case ShapeOp.End:
                        return;
                    default:
                        Unknown = true;
                        return;
                }
            }
        }
    }
}
