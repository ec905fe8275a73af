using Orleans.Runtime;

namespace CollectorShop.Grains;

internal static class StateWrites
{
    /// <summary>
    /// Writes the grain's next state. When the write fails the activation keeps its last
    /// stored state and is recycled, so the next call reloads from storage instead of
    /// trusting a value (or an ETag) that may never have been stored.
    /// </summary>
    public static async Task Save<TState>(this IPersistentState<TState> state, TState next, IGrainBase grain)
    {
        var stored = state.State;
        state.State = next;
        try
        {
            await state.WriteStateAsync();
        }
        catch
        {
            state.State = stored;
            grain.DeactivateOnIdle();
            throw;
        }
    }
}
