using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using CollectorShop.Grains;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using static CollectorShop.Tests.Http.Accounts.AccountApi;

namespace CollectorShop.Tests.Http.Accounts;

/// <summary>Failed logins per account (here 3 per window) and logins per client address (here 3 a minute) end in 429.</summary>
public sealed class LoginRateLimitTests : IAsyncLifetime
{
    private const int FailuresPerAccount = 3;
    private const int LoginsPerMinutePerAddress = 3;

    private ShopHost _perAccount = null!;
    private ShopHost _perAddress = null!;
    private ShopHost _behindProxy = null!;

    public Task InitializeAsync()
    {
        _perAccount = new ShopHost(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:FailedLoginsPerAccount"] = FailuresPerAccount.ToString(),
            ["RateLimiting:LoginPerMinutePerAddress"] = "1000",
        });
        _perAddress = new ShopHost(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:LoginPerMinutePerAddress"] = LoginsPerMinutePerAddress.ToString(),
        });
        // What ASPNETCORE_FORWARDEDHEADERS_ENABLED=true sets, as the Kubernetes ConfigMap does behind the ingress.
        _behindProxy = new ShopHost(settings: new Dictionary<string, string?>
        {
            ["RateLimiting:LoginPerMinutePerAddress"] = LoginsPerMinutePerAddress.ToString(),
            ["ForwardedHeaders_Enabled"] = "true",
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _perAccount.DisposeAndDelete();
        await _perAddress.DisposeAndDelete();
        await _behindProxy.DisposeAndDelete();
    }

    [Fact]
    public async Task After_its_failed_logins_an_account_gets_429_with_retry_after_even_with_the_right_password()
    {
        var (_, user) = await _perAccount.SignedInUser();
        var (_, neighbour) = await _perAccount.SignedInUser();
        var client = _perAccount.CreateClient();

        for (var attempt = 0; attempt < FailuresPerAccount; attempt++)
        {
            await (await client.Login(user.Email, "Wrong-password-1")).Error(HttpStatusCode.Unauthorized);
        }

        var limited = await client.Login(user.Email.ToUpperInvariant(), ShopHost.UserPassword);

        Assert.Contains("Too many failed logins", await limited.Error(HttpStatusCode.TooManyRequests));
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero, "429 must say when to retry");
        await (await client.Login(neighbour.Email, ShopHost.UserPassword)).Object();
    }

    [Fact]
    public async Task Successful_logins_do_not_use_up_the_accounts_failures()
    {
        var (_, user) = await _perAccount.SignedInUser();
        var client = _perAccount.CreateClient();

        for (var attempt = 0; attempt < FailuresPerAccount + 2; attempt++)
        {
            await (await client.Login(user.Email, ShopHost.UserPassword)).Object();
        }
    }

    [Fact]
    public async Task Unknown_emails_are_limited_like_real_accounts()
    {
        var email = NewEmail("nobody");
        var client = _perAccount.CreateClient();

        for (var attempt = 0; attempt < FailuresPerAccount; attempt++)
        {
            await (await client.Login(email, "Wrong-password-1")).Error(HttpStatusCode.Unauthorized);
        }

        await (await client.Login(email, "Wrong-password-1")).Error(HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Parallel_guesses_cannot_outrun_the_count_of_failures()
    {
        var (_, user) = await _perAccount.SignedInUser();

        var responses = await Task.WhenAll(Enumerable.Range(0, 10).Select(i =>
            _perAccount.CreateClient().Login(user.Email, $"Guess-number-{i}")));

        Assert.Equal(FailuresPerAccount, responses.Count(response => response.StatusCode == HttpStatusCode.Unauthorized));
        Assert.Equal(10 - FailuresPerAccount, responses.Count(response => response.StatusCode == HttpStatusCode.TooManyRequests));
    }

    [Fact]
    public async Task One_address_gets_429_with_retry_after_once_it_used_its_logins_and_another_address_does_not()
    {
        var crowded = IPAddress.Parse("203.0.113.7");

        for (var attempt = 0; attempt < LoginsPerMinutePerAddress; attempt++)
        {
            var (status, _, answer) = await LoginFrom(crowded);
            Assert.True(status == StatusCodes.Status401Unauthorized, $"{status}: {answer}");
        }

        var (limitedStatus, retryAfter, body) = await LoginFrom(crowded);
        var (otherStatus, _, _) = await LoginFrom(IPAddress.Parse("198.51.100.23"));

        Assert.Equal(StatusCodes.Status429TooManyRequests, limitedStatus);
        Assert.True(int.Parse(retryAfter!) > 0, "429 must say when to retry");
        Assert.Contains("Too many login attempts", body!["error"]!.GetValue<string>());
        Assert.Equal(StatusCodes.Status401Unauthorized, otherStatus);
    }

    [Fact]
    public async Task Behind_the_ingress_each_client_address_it_forwards_has_its_own_limit()
    {
        var ingress = IPAddress.Parse("10.42.0.15");

        for (var attempt = 0; attempt < LoginsPerMinutePerAddress; attempt++)
        {
            var (status, _, answer) = await LoginFrom(ingress, _behindProxy, forwardedFor: "203.0.113.7");
            Assert.True(status == StatusCodes.Status401Unauthorized, $"{status}: {answer}");
        }

        var (limitedStatus, _, _) = await LoginFrom(ingress, _behindProxy, forwardedFor: "203.0.113.7");
        var (otherStatus, _, _) = await LoginFrom(ingress, _behindProxy, forwardedFor: "198.51.100.23");

        Assert.Equal(StatusCodes.Status429TooManyRequests, limitedStatus);
        Assert.Equal(StatusCodes.Status401Unauthorized, otherStatus);
    }

    [Fact]
    public async Task Without_a_trusted_proxy_a_forged_forwarded_address_does_not_escape_the_limit()
    {
        var client = IPAddress.Parse("192.0.2.44");

        for (var attempt = 0; attempt < LoginsPerMinutePerAddress; attempt++)
        {
            var (status, _, answer) = await LoginFrom(client, forwardedFor: $"198.51.100.{attempt + 1}");
            Assert.True(status == StatusCodes.Status401Unauthorized, $"{status}: {answer}");
        }

        var (limitedStatus, _, _) = await LoginFrom(client, forwardedFor: "198.51.100.99");
        Assert.Equal(StatusCodes.Status429TooManyRequests, limitedStatus);
    }

    /// <summary>A login with a new unknown email from the given client address, optionally through a proxy naming another.</summary>
    private async Task<(int Status, string? RetryAfter, JsonNode? Body)> LoginFrom(IPAddress address, ShopHost? host = null, string? forwardedFor = null)
    {
        var json = Encoding.UTF8.GetBytes($$"""{"email": "{{NewEmail("nobody")}}", "password": "Wrong-password-1"}""");
        var context = await (host ?? _perAddress).Server.SendAsync(http =>
        {
            http.Connection.RemoteIpAddress = address;
            if (forwardedFor is not null)
            {
                http.Request.Headers["X-Forwarded-For"] = forwardedFor;
            }

            http.Request.Method = HttpMethods.Post;
            http.Request.Path = "/api/auth/login";
            http.Request.ContentType = "application/json";
            http.Request.ContentLength = json.Length;
            http.Request.Body = new MemoryStream(json);
            http.Features.Set<IHttpRequestBodyDetectionFeature>(new HasBody());
        });
        var text = await new StreamReader(context.Response.Body).ReadToEndAsync();
        return (context.Response.StatusCode, context.Response.Headers.RetryAfter.FirstOrDefault(), JsonNode.Parse(text));
    }

    private sealed class HasBody : IHttpRequestBodyDetectionFeature
    {
        public bool CanHaveBody => true;
    }
}
