using System.Data;
using System.Globalization;
using Dapper;

namespace FactCheck.Web.Infrastructure.Database;

/// SQLite has no date or GUID types: store them as ISO-8601 / canonical text so they sort and round-trip exactly.
public static class DapperTypeHandlers
{
    private static int registered;

    public static void Register()
    {
        if (Interlocked.Exchange(ref registered, 1) == 1)
        {
            return;
        }

        // Dapper maps these types itself and would ignore our handlers for parameters; drop its mapping first.
        foreach (var type in new[] { typeof(DateTimeOffset), typeof(DateTimeOffset?), typeof(DateOnly), typeof(DateOnly?), typeof(Guid), typeof(Guid?), typeof(bool), typeof(bool?) })
        {
            SqlMapper.RemoveTypeMap(type);
        }

        SqlMapper.AddTypeHandler(new DateTimeOffsetHandler());
        SqlMapper.AddTypeHandler(new DateOnlyHandler());
        SqlMapper.AddTypeHandler(new GuidHandler());

        // SQLite returns INTEGER as Int64; records with bool members need this to be materialised by constructor. Booleans are
        // written as 0/1 integers too, so the same statement compares them with the integer columns on PostgreSQL.
        SqlMapper.AddTypeHandler(new BooleanHandler());
    }

    /// Instants are stored in UTC with 7 fractional digits, so text order is time order.
    public static string Format(DateTimeOffset value) =>
        value.ToUniversalTime().ToString(StoredFormat, CultureInfo.InvariantCulture);

    private const string StoredFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// Reads a stored instant: the format written above first (a few times faster than the general parser, and the
    /// dashboard reads thousands per refresh), then anything else ISO 8601, such as a value SQLite's own date
    /// functions wrote.
    public static DateTimeOffset ParseInstant(string value) =>
        DateTimeOffset.TryParseExact(value, StoredFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var exact)
            ? exact
            : DateTimeOffset.Parse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);

    private sealed class DateTimeOffsetHandler : SqlMapper.TypeHandler<DateTimeOffset>
    {
        public override void SetValue(IDbDataParameter parameter, DateTimeOffset value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = Format(value);
        }

        public override DateTimeOffset Parse(object value) => ParseInstant((string)value);
    }

    private sealed class DateOnlyHandler : SqlMapper.TypeHandler<DateOnly>
    {
        public override void SetValue(IDbDataParameter parameter, DateOnly value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        public override DateOnly Parse(object value) => DateOnly.ParseExact((string)value, "yyyy-MM-dd", CultureInfo.InvariantCulture);
    }

    private sealed class BooleanHandler : SqlMapper.TypeHandler<bool>
    {
        public override void SetValue(IDbDataParameter parameter, bool value)
        {
            parameter.DbType = DbType.Int64;
            parameter.Value = value ? 1L : 0L;
        }

        public override bool Parse(object value) => Convert.ToInt64(value, CultureInfo.InvariantCulture) != 0;
    }

    private sealed class GuidHandler : SqlMapper.TypeHandler<Guid>
    {
        public override void SetValue(IDbDataParameter parameter, Guid value)
        {
            parameter.DbType = DbType.String;
            parameter.Value = value.ToString("D");
        }

        public override Guid Parse(object value) => value is byte[] bytes ? new Guid(bytes) : Guid.Parse((string)value);
    }
}
