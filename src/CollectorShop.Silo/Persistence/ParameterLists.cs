using CollectorShop.Silo.Http;
using Dapper;

namespace CollectorShop.Silo.Persistence;

/// <summary>
/// Lists of values in SQL both providers share. Dapper expands "IN @list" itself for SQLite but hands Npgsql the
/// whole list as one array parameter, which IN does not take; one placeholder per value reads the same on both.
/// </summary>
internal static class ParameterLists
{
    /// <summary>"column IN (@Name0, @Name1, …)", adding the wire names of <paramref name="values"/> as those parameters.</summary>
    public static string In<TEnum>(this DynamicParameters parameters, string column, string name, IEnumerable<TEnum> values)
        where TEnum : struct, Enum
    {
        var placeholders = new List<string>();
        foreach (var value in values)
        {
            var parameter = $"{name}{placeholders.Count}";
            parameters.Add(parameter, WireNames.Of(value));
            placeholders.Add("@" + parameter);
        }

        return $"{column} IN ({string.Join(", ", placeholders)})";
    }
}
