using CollectorShop.Grains;

namespace CollectorShop.Silo.Auth;

/// <summary>
/// Failed logins per account, counted cluster-wide by the email's <see cref="ILoginAttemptsGrain"/>: once an account
/// has used up its failures within the window, its logins get 429 until the window ends, even with the right password.
/// </summary>
public sealed class FailedLogins(IGrainFactory grains, int failuresPerWindow)
{
    private static readonly TimeSpan BusyPause = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    /// <summary>Waits for the account's turn to check a password; the turn says how long to wait instead when it is refused.</summary>
    public async Task<LoginTurn> Enter(string email, CancellationToken cancellationToken)
    {
        var attempts = grains.GetGrain<ILoginAttemptsGrain>(email);
        var waitUntil = DateTimeOffset.UtcNow + LongestWait;
        while (true)
        {
            var admission = await attempts.Enter(failuresPerWindow);
            switch (admission.Kind)
            {
                case LoginAdmissionKind.Admitted:
                    return new LoginTurn(attempts, admission.Ticket, null);
                case LoginAdmissionKind.Locked:
                    return new LoginTurn(null, 0, admission.LockedFor);
                case LoginAdmissionKind.Busy when DateTimeOffset.UtcNow >= waitUntil:
                    return new LoginTurn(null, 0, TimeSpan.FromSeconds(1));
                default:
                    await Task.Delay(BusyPause, cancellationToken);
                    break;
            }
        }
    }
}

/// <summary>One login attempt's hold on its account; disposing it lets the account's next attempt in.</summary>
public sealed class LoginTurn(ILoginAttemptsGrain? attempts, long ticket, TimeSpan? retryAfter) : IAsyncDisposable
{
    private bool _failed;

    /// <summary>Set when the attempt may not check a password: how long the client should wait.</summary>
    public TimeSpan? RetryAfter => retryAfter;

    public void CountFailure() => _failed = true;

    public async ValueTask DisposeAsync()
    {
        if (attempts is not null)
        {
            await attempts.Leave(ticket, _failed);
        }
    }
}
