namespace CollectorShop.Grains;

/// <summary>A grain that records integration events in its own state and publishes them once stored (orders, listings).</summary>
[Alias("IOutboxGrain")]
public interface IOutboxGrain : IGrainWithStringKey
{
    /// <summary>Publishes the events still waiting in the outbox; a starting silo calls it on every grain listed as pending.</summary>
    [Alias("DeliverOutbox")] Task DeliverOutbox();
}
