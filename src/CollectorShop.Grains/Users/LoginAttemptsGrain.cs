namespace CollectorShop.Grains;

/// <summary>
/// Failed logins of one email, counted once for the whole cluster: every silo's login asks this one activation,
/// so guesses spread over the replicas share one count. Password checks of the email run one at a time, so a
/// burst of parallel guesses cannot outrun the count either. Kept in memory: the count only has to outlive its window.
/// </summary>
[GrainType("login-attempts")]
public sealed class LoginAttemptsGrain(TimeProvider time) : Grain, ILoginAttemptsGrain
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    // An admitted check whose silo died never leaves; its turn lapses after this.
    private static readonly TimeSpan LongestCheck = TimeSpan.FromSeconds(30);

    private readonly Queue<DateTimeOffset> _failures = new();
    private long _ticket;
    private DateTimeOffset _turnEnds = DateTimeOffset.MinValue;

    public Task<LoginAdmission> Enter(int failuresAllowed)
    {
        var now = time.GetUtcNow();
        while (_failures.TryPeek(out var oldest) && oldest + Window <= now)
        {
            _failures.Dequeue();
        }

        if (_failures.Count >= failuresAllowed)
        {
            return Task.FromResult(new LoginAdmission(LoginAdmissionKind.Locked, 0, _failures.Peek() + Window - now));
        }

        if (_turnEnds > now)
        {
            return Task.FromResult(new LoginAdmission(LoginAdmissionKind.Busy, 0, TimeSpan.Zero));
        }

        _turnEnds = now + LongestCheck;
        return Task.FromResult(new LoginAdmission(LoginAdmissionKind.Admitted, ++_ticket, TimeSpan.Zero));
    }

    public Task Leave(long ticket, bool failed)
    {
        if (failed)
        {
            _failures.Enqueue(time.GetUtcNow());
            DelayDeactivation(Window);
        }

        if (ticket == _ticket)
        {
            _turnEnds = DateTimeOffset.MinValue;
        }

        return Task.CompletedTask;
    }
}
