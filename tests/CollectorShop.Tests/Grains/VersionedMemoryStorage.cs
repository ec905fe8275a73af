using System.Collections.Concurrent;
using System.Globalization;
using Orleans.Storage;

namespace CollectorShop.Tests.Grains;

/// <summary>
/// The rows of an in-memory grain store shared by every test silo. Unlike Orleans' memory
/// provider (GUID ETags) it numbers versions 1, 2, 3… as the ADO.NET provider does, so the
/// read-model versions under test are real; and it can be told to fail the writes of chosen grains.
/// </summary>
public sealed class VersionedMemoryStore
{
    private readonly ConcurrentDictionary<string, (BinaryData Payload, int Version)> rows = new();
    private volatile Func<GrainId, bool> failing = _ => false;

    /// <summary>Writes of the matching grains throw (a storage outage) until the result is disposed.</summary>
    public IDisposable FailWrites(Func<GrainId, bool> which)
    {
        failing = which;
        return new Outage(this);
    }

    internal bool ShouldFail(GrainId grain) => failing(grain);

    internal bool TryRead(string key, out (BinaryData Payload, int Version) row) => rows.TryGetValue(key, out row);

    internal int Write(string key, BinaryData payload, string? expectedEtag)
    {
        lock (rows)
        {
            var stored = rows.TryGetValue(key, out var row) ? row.Version.ToString(CultureInfo.InvariantCulture) : null;
            if (stored != expectedEtag)
            {
                throw new InconsistentStateException($"Version conflict on {key}", stored, expectedEtag);
            }

            var version = (stored is null ? 0 : row.Version) + 1;
            rows[key] = (payload, version);
            return version;
        }
    }

    internal void Clear(string key) => rows.TryRemove(key, out _);

    private sealed class Outage(VersionedMemoryStore store) : IDisposable
    {
        public void Dispose() => store.failing = _ => false;
    }
}

/// <summary>One silo's view of the shared <see cref="VersionedMemoryStore"/>, serialising with the silo's grain-state serializer (System.Text.Json here).</summary>
public sealed class VersionedMemoryStorage(VersionedMemoryStore store, IGrainStorageSerializer serializer) : IGrainStorage
{
    public Task ReadStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (store.TryRead(Key(stateName, grainId), out var row))
        {
            grainState.State = serializer.Deserialize<T>(row.Payload);
            grainState.ETag = row.Version.ToString(CultureInfo.InvariantCulture);
            grainState.RecordExists = true;
        }

        return Task.CompletedTask;
    }

    public Task WriteStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        if (store.ShouldFail(grainId))
        {
            throw new IOException($"Storage unavailable for {grainId} (test fault).");
        }

        var version = store.Write(Key(stateName, grainId), serializer.Serialize(grainState.State), grainState.ETag);
        grainState.ETag = version.ToString(CultureInfo.InvariantCulture);
        grainState.RecordExists = true;
        return Task.CompletedTask;
    }

    public Task ClearStateAsync<T>(string stateName, GrainId grainId, IGrainState<T> grainState)
    {
        store.Clear(Key(stateName, grainId));
        grainState.ETag = null;
        grainState.RecordExists = false;
        grainState.State = Activator.CreateInstance<T>();
        return Task.CompletedTask;
    }

    private static string Key(string stateName, GrainId grainId) => $"{stateName}/{grainId}";
}
