using System.Threading.RateLimiting;

namespace CollectorShop.Silo.Auth;

/// <summary>
/// Failed logins per account, counted in this silo process: once an account has used up its failures
/// within the window, its logins get 429 until the window ends, even with the right password.
/// The attempts of one account run one at a time, so a burst of parallel guesses cannot outrun the count.
/// </summary>
public sealed class FailedLogins : IDisposable
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);

    private const int WaitingAttemptsPerAccount = 8;
    private static readonly TimeSpan BusyRetryAfter = TimeSpan.FromSeconds(1);

    private readonly PartitionedRateLimiter<string> _failures;
    private readonly PartitionedRateLimiter<string> _oneAtATime;

    public FailedLogins(int failuresPerWindow)
    {
        _failures = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetFixedWindowLimiter(
            email, _ => new FixedWindowRateLimiterOptions { PermitLimit = failuresPerWindow, Window = Window }));
        _oneAtATime = PartitionedRateLimiter.Create<string, string>(email => RateLimitPartition.GetConcurrencyLimiter(
            email, _ => new ConcurrencyLimiterOptions { PermitLimit = 1, QueueLimit = WaitingAttemptsPerAccount }));
    }

    /// <summary>Waits for the account's turn to check a password; the turn says how long to wait instead when it is refused.</summary>
    public async Task<LoginTurn> Enter(string email, CancellationToken cancellationToken)
    {
        var turn = await _oneAtATime.AcquireAsync(email, 1, cancellationToken);
        if (!turn.IsAcquired)
        {
            turn.Dispose();
            return LoginTurn.Refused(BusyRetryAfter);
        }

        using var allowance = _failures.AttemptAcquire(email, 0);
        if (!allowance.IsAcquired)
        {
            turn.Dispose();
            return LoginTurn.Refused(allowance.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : Window);
        }

        return new LoginTurn(turn, () => _failures.AttemptAcquire(email).Dispose(), null);
    }

    public void Dispose()
    {
        _failures.Dispose();
        _oneAtATime.Dispose();
    }
}

/// <summary>One login attempt's hold on its account; disposing it lets the account's next attempt in.</summary>
public sealed class LoginTurn(RateLimitLease? lease, Action countFailure, TimeSpan? retryAfter) : IDisposable
{
    /// <summary>Set when the attempt may not check a password: how long the client should wait.</summary>
    public TimeSpan? RetryAfter => retryAfter;

    public void CountFailure() => countFailure();

    public void Dispose() => lease?.Dispose();

    internal static LoginTurn Refused(TimeSpan retryAfter) => new(null, () => { }, retryAfter);
}
