using System.Data.Common;
using RelGen.Metadata;

namespace RelGen.Query;

/// <summary>The projections of one to seven terms: a term's value, or a value tuple of the terms' values in order.</summary>
internal static class Projections
{
    public static Projection<T1> Of<T1>(SelectTerm<T1> term1) => new Of1<T1>(term1);

    private sealed class Of1<T1> : Projection<T1>
    {
        private readonly SelectTerm<T1> _term1;

        public Of1(SelectTerm<T1> term1) : base([term1])
        {
            _term1 = term1;
        }

        public override T1 Read(DbDataReader reader, LoadContext context)
            => _term1.Read(reader, Offsets[0], context);
    }

    public static Projection<(T1, T2)> Of<T1, T2>(SelectTerm<T1> term1, SelectTerm<T2> term2) => new Of2<T1, T2>(term1, term2);

    private sealed class Of2<T1, T2> : Projection<(T1, T2)>
    {
        private readonly SelectTerm<T1> _term1;
        private readonly SelectTerm<T2> _term2;

        public Of2(SelectTerm<T1> term1, SelectTerm<T2> term2) : base([term1, term2])
        {
            _term1 = term1; _term2 = term2;
        }

        public override (T1, T2) Read(DbDataReader reader, LoadContext context)
            => (_term1.Read(reader, Offsets[0], context), _term2.Read(reader, Offsets[1], context));
    }

    public static Projection<(T1, T2, T3)> Of<T1, T2, T3>(SelectTerm<T1> term1, SelectTerm<T2> term2, SelectTerm<T3> term3) => new Of3<T1, T2, T3>(term1, term2, term3);

    private sealed class Of3<T1, T2, T3> : Projection<(T1, T2, T3)>
    {
        private readonly SelectTerm<T1> _term1;
        private readonly SelectTerm<T2> _term2;
        private readonly SelectTerm<T3> _term3;

        public Of3(SelectTerm<T1> term1, SelectTerm<T2> term2, SelectTerm<T3> term3) : base([term1, term2, term3])
        {
            _term1 = term1; _term2 = term2; _term3 = term3;
        }

        public override (T1, T2, T3) Read(DbDataReader reader, LoadContext context)
            => (_term1.Read(reader, Offsets[0], context), _term2.Read(reader, Offsets[1], context), _term3.Read(reader, Offsets[2], context));
    }

    public static Projection<(T1, T2, T3, T4)> Of<T1, T2, T3, T4>(SelectTerm<T1> term1, SelectTerm<T2> term2, SelectTerm<T3> term3, SelectTerm<T4> term4) => new Of4<T1, T2, T3, T4>(term1, term2, term3, term4);

    private sealed class Of4<T1, T2, T3, T4> : Projection<(T1, T2, T3, T4)>
    {
        private readonly SelectTerm<T1> _term1;
        private readonly SelectTerm<T2> _term2;
        private readonly SelectTerm<T3> _term3;
        private readonly SelectTerm<T4> _term4;

        public Of4(SelectTerm<T1> term1, SelectTerm<T2> term2, SelectTerm<T3> term3, SelectTerm<T4> term4) : base([term1, term2, term3, term4])
        {
            _term1 = term1; _term2 = term2; _term3 = term3; _term4 = term4;
        }

        public override (T1, T2, T3, T4) Read(DbDataReader reader, LoadContext context)
            => (_term1.Read(reader, Offsets[0], context), _term2.Read(reader, Offsets[1], context), _term3.Read(reader, Offsets[2], context), _term4.Read(reader, Offsets[3], context));
    }

    public static Projection<(T1, T2, T3, T4, T5)> Of<T1, T2, T3, T4, T5>(SelectTerm<T1> term1, SelectTerm<T2> term2, SelectTerm<T3> term3, SelectTerm<T4> term4, SelectTerm<T5> term5) => new Of5<T1, T2, T3, T4, T5>(term1, term2, term3, term4, term5);

    private sealed class Of5<T1, T2, T3, T4, T5> : Projection<(T1, T2, T3, T4, T5)>
    {
        private readonly SelectTerm<T1> _term1;
        private readonly SelectTerm<T2> _term2;
        private readonly SelectTerm<T3> _term3;
        private readonly SelectTerm<T4> _term4;
        private readonly SelectTerm<T5> _term5;

        public Of5(SelectTerm<T1> term1, SelectTerm<T2> term2, SelectTerm<T3> term3, SelectTerm<T4> term4, SelectTerm<T5> term5) : base([term1, term2, term3, term4, term5])
        {
            _term1 = term1; _term2 = term2; _term3 = term3; _term4 = term4; _term5 = term5;
        }

        public override (T1, T2, T3, T4, T5) Read(DbDataReader reader, LoadContext context)
            => (_term1.Read(reader, Offsets[0], context), _term2.Read(reader, Offsets[1], context), _term3.Read(reader, Offsets[2], context), _term4.Read(reader, Offsets[3], context), _term5.Read(reader, Offsets[4], context));
    }

    public static Projection<(T1, T2, T3, T4, T5, T6)> Of<T1, T2, T3, T4, T5, T6>(SelectTerm<T1> term1, SelectTerm<T2> term2, SelectTerm<T3> term3, SelectTerm<T4> term4, SelectTerm<T5> term5, SelectTerm<T6> term6) => new Of6<T1, T2, T3, T4, T5, T6>(term1, term2, term3, term4, term5, term6);

    private sealed class Of6<T1, T2, T3, T4, T5, T6> : Projection<(T1, T2, T3, T4, T5, T6)>
    {
        private readonly SelectTerm<T1> _term1;
        private readonly SelectTerm<T2> _term2;
        private readonly SelectTerm<T3> _term3;
        private readonly SelectTerm<T4> _term4;
        private readonly SelectTerm<T5> _term5;
        private readonly SelectTerm<T6> _term6;

        public Of6(SelectTerm<T1> term1, SelectTerm<T2> term2, SelectTerm<T3> term3, SelectTerm<T4> term4, SelectTerm<T5> term5, SelectTerm<T6> term6) : base([term1, term2, term3, term4, term5, term6])
        {
            _term1 = term1; _term2 = term2; _term3 = term3; _term4 = term4; _term5 = term5; _term6 = term6;
        }

        public override (T1, T2, T3, T4, T5, T6) Read(DbDataReader reader, LoadContext context)
            => (_term1.Read(reader, Offsets[0], context), _term2.Read(reader, Offsets[1], context), _term3.Read(reader, Offsets[2], context), _term4.Read(reader, Offsets[3], context), _term5.Read(reader, Offsets[4], context), _term6.Read(reader, Offsets[5], context));
    }

    public static Projection<(T1, T2, T3, T4, T5, T6, T7)> Of<T1, T2, T3, T4, T5, T6, T7>(SelectTerm<T1> term1, SelectTerm<T2> term2, SelectTerm<T3> term3, SelectTerm<T4> term4, SelectTerm<T5> term5, SelectTerm<T6> term6, SelectTerm<T7> term7) => new Of7<T1, T2, T3, T4, T5, T6, T7>(term1, term2, term3, term4, term5, term6, term7);

    private sealed class Of7<T1, T2, T3, T4, T5, T6, T7> : Projection<(T1, T2, T3, T4, T5, T6, T7)>
    {
        private readonly SelectTerm<T1> _term1;
        private readonly SelectTerm<T2> _term2;
        private readonly SelectTerm<T3> _term3;
        private readonly SelectTerm<T4> _term4;
        private readonly SelectTerm<T5> _term5;
        private readonly SelectTerm<T6> _term6;
        private readonly SelectTerm<T7> _term7;

        public Of7(SelectTerm<T1> term1, SelectTerm<T2> term2, SelectTerm<T3> term3, SelectTerm<T4> term4, SelectTerm<T5> term5, SelectTerm<T6> term6, SelectTerm<T7> term7) : base([term1, term2, term3, term4, term5, term6, term7])
        {
            _term1 = term1; _term2 = term2; _term3 = term3; _term4 = term4; _term5 = term5; _term6 = term6; _term7 = term7;
        }

        public override (T1, T2, T3, T4, T5, T6, T7) Read(DbDataReader reader, LoadContext context)
            => (_term1.Read(reader, Offsets[0], context), _term2.Read(reader, Offsets[1], context), _term3.Read(reader, Offsets[2], context), _term4.Read(reader, Offsets[3], context), _term5.Read(reader, Offsets[4], context), _term6.Read(reader, Offsets[5], context), _term7.Read(reader, Offsets[6], context));
    }
}
