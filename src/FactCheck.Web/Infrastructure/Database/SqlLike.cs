namespace FactCheck.Web.Infrastructure.Database;

/// Text someone typed, matched with LIKE as itself: its %, _ and \ are escaped for a pattern written with ESCAPE '\'.
public static class SqlLike
{
    public static string Escape(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}
