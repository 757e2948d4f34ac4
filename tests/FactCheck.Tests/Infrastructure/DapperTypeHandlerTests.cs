using Dapper;
using FactCheck.Web.Infrastructure.Database;

namespace FactCheck.Tests.Infrastructure;

[Collection(SharedAppCollection.Name)]
public sealed class DapperTypeHandlerTests(SharedApp shared)
{
    [Fact]
    public async Task DateTimeOffset_Guid_and_DateOnly_round_trip_exactly_through_SQLite()
    {
        var instant = new DateTimeOffset(2020, 10, 7, 14, 3, 9, TimeSpan.FromHours(7)).AddTicks(1234567);
        var id = Guid.NewGuid();
        var day = new DateOnly(2020, 9, 27);
        await using var connection = await shared.App.Db.OpenAsync();

        var row = await connection.QuerySingleAsync<(DateTimeOffset At, Guid Id, DateOnly Day, string Raw)>(
            "SELECT @instant AS At, @id AS Id, @day AS Day, @instant AS Raw", new { instant, id, day });

        Assert.Equal(instant, row.At);
        Assert.Equal(instant.UtcTicks, row.At.UtcTicks);
        Assert.Equal(id, row.Id);
        Assert.Equal(day, row.Day);
        Assert.Equal("2020-10-07T07:03:09.1234567Z", row.Raw);
    }

    [Fact]
    public void Stored_instants_sort_as_text_in_time_order()
    {
        var earlier = new DateTimeOffset(2020, 10, 7, 23, 0, 0, TimeSpan.FromHours(7));
        var later = new DateTimeOffset(2020, 10, 7, 17, 0, 0, TimeSpan.Zero);

        Assert.True(string.CompareOrdinal(DapperTypeHandlers.Format(earlier), DapperTypeHandlers.Format(later)) < 0);
    }

    [Theory]
    [InlineData("2020-10-07T07:03:09.1234567Z", "2020-10-07T07:03:09.1234567+00:00")] // what we write
    [InlineData("2020-10-07 07:03:09", "2020-10-07T07:03:09.0000000+00:00")] // SQLite's datetime()
    [InlineData("2020-10-07T14:03:09+07:00", "2020-10-07T07:03:09.0000000+00:00")] // an offset, from an import
    public void Instants_read_back_in_UTC_whichever_ISO_form_stored_them(string stored, string expected)
    {
        var read = DapperTypeHandlers.ParseInstant(stored);

        Assert.Equal(expected, read.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(TimeSpan.Zero, read.Offset);
    }
}
