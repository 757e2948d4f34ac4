using Microsoft.Data.Sqlite;

namespace FactCheck.Web.Infrastructure.Database;

/// Opens SQLite connections with the settings every connection must have.
/// Handlers open one connection per operation and dispose it at the end; nothing holds one longer.
public sealed class Db
{
    public Db(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString)
        {
            ForeignKeys = true,
            Pooling = true,
            DefaultTimeout = 30,
        };
        ConnectionString = builder.ToString();
        DataSource = builder.DataSource;
    }

    public string ConnectionString { get; }

    public string DataSource { get; }

    /// The folder holding the database file (the content root for an in-memory database).
    public string DataFolder =>
        DataSource.Length == 0 || DataSource == ":memory:" || DataSource.StartsWith("file:", StringComparison.Ordinal)
            ? AppContext.BaseDirectory
            : Path.GetDirectoryName(Path.GetFullPath(DataSource))!;

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            using var pragmas = connection.CreateCommand();
            // busy_timeout lets writers queue behind one another instead of failing with "database is locked";
            // synchronous=FULL makes a commit survive a power cut as well as a process kill.
            pragmas.CommandText = "PRAGMA busy_timeout = 10000; PRAGMA synchronous = FULL;";
            await pragmas.ExecuteNonQueryAsync(cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// Settings stored in the database file itself; run once at start-up, outside any transaction.
    public async Task ConfigureFileAsync(CancellationToken cancellationToken = default)
    {
        if (DataSource.Length > 0 && DataSource != ":memory:")
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(DataSource));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }
        }

        await using var connection = await OpenAsync(cancellationToken);
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode = WAL;";
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
