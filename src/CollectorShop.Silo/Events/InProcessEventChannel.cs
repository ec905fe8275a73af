using System.Text;
using System.Threading.Channels;
using CollectorShop.Grains;

namespace CollectorShop.Silo.Events;

/// <summary>
/// The embedded default without RabbitMQ:Url: order events go through an in-memory channel to the same
/// consumer, and a publish completes only once the consumer handled the event — the in-process stand-in
/// for a broker's confirm, so an event never leaves the outbox before it took effect. Events that no
/// queue would receive (listing events) are confirmed at once, as the broker would drop them.
/// </summary>
public sealed class InProcessEventChannel(OrderEventConsumer consumer, ILogger<InProcessEventChannel> logger)
    : BackgroundService, IEventPublisher
{
    private readonly Channel<(IntegrationEvent Event, TaskCompletionSource Handled)> queue =
        Channel.CreateUnbounded<(IntegrationEvent, TaskCompletionSource)>(new UnboundedChannelOptions { SingleReader = true });

    public async Task Publish(IntegrationEvent integrationEvent, CancellationToken cancellationToken)
    {
        if (!EventTopology.ReachesOrdersQueue(integrationEvent.RoutingKey))
        {
            return;
        }

        var handled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await queue.Writer.WriteAsync((integrationEvent, handled), cancellationToken);
        await handled.Task.WaitAsync(cancellationToken);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        logger.LogInformation("RabbitMQ:Url is not set: integration events are delivered in-process to the shop's consumer");
        await foreach (var (integrationEvent, handled) in queue.Reader.ReadAllAsync(stoppingToken))
        {
            try
            {
                if (await consumer.Consume(Encoding.UTF8.GetBytes(integrationEvent.Payload)) == Consumed.Poison)
                {
                    logger.LogError("Dropped order event {EventId}: the consumer cannot read it", integrationEvent.EventId);
                }

                handled.TrySetResult();
            }
            catch (Exception exception)
            {
                handled.TrySetException(exception);
            }
        }
    }
}
