using System.Globalization;
using Orleans.Core;

namespace CollectorShop.Grains;

/// <summary>The storage version of a grain's state, as the read model orders snapshots by it.</summary>
internal static class StateVersion
{
    /// <summary>
    /// The ADO.NET storage numbers its rows 1, 2, 3…; a store whose ETags are not numbers
    /// (the in-memory provider uses GUIDs) projects as version 0, i.e. unversioned.
    /// </summary>
    public static int Of(IStorage state) =>
        int.TryParse(state.Etag, NumberStyles.None, CultureInfo.InvariantCulture, out var version) ? version : 0;
}
