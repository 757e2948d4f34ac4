using System.Data.Common;
using System.Xml.Linq;
using Dapper;
using FactCheck.Web.Infrastructure.Database;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.Options;

namespace FactCheck.Web.Infrastructure.Auth;

/// The data-protection key ring in our own database (table data_protection_keys), so every node of a desk signs and
/// reads cookies and antiforgery tokens with the same keys. The key manager calls this rarely (at start, when a key
/// is about to expire, when it meets a key it does not know) and synchronously, so the calls block on the database.
public sealed class DatabaseKeyRepository(Db db, TimeProvider clock, ILogger<DatabaseKeyRepository> logger) : IXmlRepository
{
    private readonly Lock importing = new();
    private bool imported;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        var elements = Read(connection);
        if (elements.Count == 0)
        {
            ImportKeysFolder(connection);
            elements = Read(connection);
        }

        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = db.OpenAsync().GetAwaiter().GetResult();
        Insert(connection, friendlyName, element.ToString(SaveOptions.DisableFormatting));
    }

    /// The folder where keys lived before they moved into the database: a desk upgrading from it keeps its keys, so
    /// no one is signed out and no open form's token is refused by the upgrade.
    public string LegacyKeysFolder => Path.Combine(db.DataFolder, "keys");

    public static void AddTo(IServiceCollection services)
    {
        services.AddSingleton<DatabaseKeyRepository>();
        services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(provider =>
            new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = provider.GetRequiredService<DatabaseKeyRepository>()));
    }

    private static List<XElement> Read(DbConnection connection) =>
        connection.Query<string>("SELECT xml FROM data_protection_keys ORDER BY id").Select(x => XElement.Parse(x)).ToList();

    /// Two nodes may write the same element (both importing, or a retry): the first one stays.
    private void Insert(DbConnection connection, string friendlyName, string xml) =>
        connection.Execute(
            """
            INSERT INTO data_protection_keys (friendly_name, xml, created_at)
            VALUES (@friendlyName, @xml, @createdAt)
            ON CONFLICT (friendly_name) DO NOTHING
            """,
            new { friendlyName, xml, createdAt = DapperTypeHandlers.Format(clock.GetUtcNow()) });

    private void ImportKeysFolder(DbConnection connection)
    {
        lock (importing)
        {
            if (imported || db.IsPostgres || !Directory.Exists(LegacyKeysFolder))
            {
                imported = true;
                return;
            }

            var files = Directory.GetFiles(LegacyKeysFolder, "*.xml").Order(StringComparer.Ordinal).ToList();
            foreach (var file in files)
            {
                var element = XElement.Load(file);
                Insert(connection, Path.GetFileNameWithoutExtension(file), element.ToString(SaveOptions.DisableFormatting));
            }

            imported = true;
            if (files.Count > 0)
            {
                logger.LogInformation("Imported {Count} data-protection keys from {Folder} into the database", files.Count, LegacyKeysFolder);
            }
        }
    }
}
