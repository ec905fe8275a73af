using System.Net;
using System.Text;
using CollectorShop.Grains;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CollectorShop.Tests.Http;

/// <summary>
/// Every API route against every kind of caller: who is turned away (401/403) and who gets through.
/// Ownership rules (another seller's listing, another buyer's order) are checked by each feature's tests;
/// this matrix checks the policy gate in front of every route, and that no route was left out of it.
/// </summary>
public sealed class AuthorizationMatrixTests(AuthorizationMatrixTests.Callers callers) : IClassFixture<AuthorizationMatrixTests.Callers>
{
    public enum Gate { Anyone, Active, Seller, Admin }

    public enum Caller { Anonymous, Deactivated, Buyer, Seller, Admin }

    /// <summary>Method, route pattern as mapped, and the gate API.md puts in front of it.</summary>
    private static readonly (string Method, string Pattern, Gate Gate)[] Routes =
    [
        ("GET", "/api/health", Gate.Anyone),
        ("GET", "/health/live", Gate.Anyone),
        ("GET", "/health/ready", Gate.Anyone),
        ("POST", "/api/auth/register", Gate.Anyone),
        ("POST", "/api/auth/login", Gate.Anyone),
        ("GET", "/api/auth/me", Gate.Active),
        ("POST", "/api/users/me/request-seller", Gate.Active),
        ("GET", "/api/users/me/seller-request", Gate.Active),
        ("GET", "/api/categories", Gate.Anyone),
        ("POST", "/api/admin/categories", Gate.Admin),
        ("PATCH", "/api/admin/categories/{id}", Gate.Admin),
        ("DELETE", "/api/admin/categories/{id}", Gate.Admin),
        ("GET", "/api/products", Gate.Anyone),
        ("GET", "/api/products/{id}", Gate.Anyone),
        ("POST", "/api/products", Gate.Seller),
        ("PATCH", "/api/products/{id}", Gate.Active),
        ("DELETE", "/api/products/{id}", Gate.Active),
        ("GET", "/api/admin/products", Gate.Admin),
        ("POST", "/api/admin/products/{id}/approve", Gate.Admin),
        ("POST", "/api/admin/products/{id}/reject", Gate.Admin),
        ("DELETE", "/api/admin/products/{id}", Gate.Admin),
        ("POST", "/api/upload", Gate.Seller),
        ("GET", "/uploads/{id}.{ext}", Gate.Anyone),
        ("POST", "/api/orders", Gate.Active),
        ("GET", "/api/orders", Gate.Active),
        ("GET", "/api/orders/{id}", Gate.Active),
        ("POST", "/api/orders/{id}/cancel", Gate.Active),
        ("POST", "/api/orders/{id}/ship", Gate.Active),
        ("POST", "/api/orders/{id}/confirm-receipt", Gate.Active),
        ("GET", "/api/seller/orders", Gate.Seller),
        ("GET", "/api/admin/orders", Gate.Admin),
        ("POST", "/api/admin/orders/{id}/refund", Gate.Admin),
        ("POST", "/api/checkout/session", Gate.Active),
        ("POST", "/api/payments/stripe/webhook", Gate.Anyone),
        ("POST", "/api/payments/dev/{sessionId}/complete", Gate.Active),
        ("POST", "/api/payments/dev/{sessionId}/cancel", Gate.Active),
        ("GET", "/api/admin/seller-requests", Gate.Admin),
        ("POST", "/api/admin/seller-requests/{id}/approve", Gate.Admin),
        ("POST", "/api/admin/seller-requests/{id}/reject", Gate.Admin),
        ("GET", "/api/admin/users", Gate.Admin),
        ("POST", "/api/admin/users/{id}/active", Gate.Admin),
        ("POST", "/api/admin/users/{id}/role", Gate.Admin),
        ("GET", "/api/notifications", Gate.Active),
        ("POST", "/api/notifications/{id}/read", Gate.Active),
    ];

    public static TheoryData<string, string, Gate, Caller> Cases()
    {
        var cases = new TheoryData<string, string, Gate, Caller>();
        foreach (var (method, pattern, gate) in Routes)
        {
            foreach (var caller in Enum.GetValues<Caller>())
            {
                cases.Add(method, pattern, gate, caller);
            }
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_route_turns_away_exactly_the_callers_its_gate_excludes(string method, string pattern, Gate gate, Caller caller)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), Concrete(pattern));
        if (method is "POST" or "PATCH")
        {
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        }

        using var response = await callers.Client(caller).SendAsync(request);

        var expected = Expected(gate, caller);
        if (expected is { } refusal)
        {
            Assert.Equal(refusal, response.StatusCode);
            Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        }
        else
        {
            Assert.True(
                response.StatusCode is not (HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden),
                $"{caller} should get past the {gate} gate of {method} {pattern}, got {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
            Assert.True((int)response.StatusCode < 500, $"{method} {pattern} answered {(int)response.StatusCode} to {caller}");
        }
    }

    [Fact]
    public void The_matrix_covers_every_mapped_route()
    {
        // A group's "/" route reads "/api/orders/"; the request path is the same without the slash.
        var mapped = callers.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints
            .OfType<RouteEndpoint>()
            .Where(endpoint => endpoint.RoutePattern.RawText is { } raw
                && (raw.StartsWith("/api/", StringComparison.Ordinal) || raw.StartsWith("/health/", StringComparison.Ordinal) || raw.StartsWith("/uploads/", StringComparison.Ordinal))
                && !raw.Contains("{**", StringComparison.Ordinal))
            .SelectMany(endpoint => (endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["*"])
                .Select(httpMethod => $"{httpMethod} {endpoint.RoutePattern.RawText!.TrimEnd('/')}"))
            .Order()
            .ToList();

        var listed = Routes.Select(route => $"{route.Method} {route.Pattern}").Order().ToList();

        Assert.Equal(listed, mapped);
    }

    /// <summary>401 for no token, 403 for an inactive account or a missing role; null when the caller gets through.</summary>
    private static HttpStatusCode? Expected(Gate gate, Caller caller) => (gate, caller) switch
    {
        (Gate.Anyone, _) => null,
        (_, Caller.Anonymous) => HttpStatusCode.Unauthorized,
        (_, Caller.Deactivated) => HttpStatusCode.Forbidden,
        (Gate.Seller, Caller.Buyer) => HttpStatusCode.Forbidden,
        (Gate.Admin, Caller.Buyer or Caller.Seller) => HttpStatusCode.Forbidden,
        _ => null,
    };

    /// <summary>Route values that name nothing: the gate answers before any lookup would.</summary>
    private static string Concrete(string pattern) => pattern
        .Replace("{id}.{ext}", "0000000000000000000000000000000a.png", StringComparison.Ordinal)
        .Replace("{id}", "0000000000000000000000000000000a", StringComparison.Ordinal)
        .Replace("{sessionId}", "dev_0000000000000000000000000000000a", StringComparison.Ordinal);

    /// <summary>One host and one client per kind of caller, shared by the whole matrix.</summary>
    public sealed class Callers : IAsyncLifetime
    {
        private readonly Dictionary<Caller, HttpClient> _clients = [];

        public ShopHost Host { get; } = new();

        public HttpClient Client(Caller caller) => _clients[caller];

        public async Task InitializeAsync()
        {
            _clients[Caller.Anonymous] = Host.CreateClient();
            _clients[Caller.Buyer] = (await Host.SignedInUser(Role.Buyer)).Client;
            _clients[Caller.Seller] = (await Host.SignedInUser(Role.Seller)).Client;
            _clients[Caller.Admin] = (await Host.SignedInUser(Role.Admin)).Client;

            // Once an active admin: the token stays valid, the account does not.
            var (deactivated, profile) = await Host.SignedInUser(Role.Admin);
            var admin = await Host.SignedInUser(Role.Admin);
            var result = await Host.Grains.GetGrain<IUserGrain>(profile.Id).SetActive(false, admin.User.Id);
            Assert.True(result.Succeeded, result.Refusal?.Message);
            _clients[Caller.Deactivated] = deactivated;
        }

        public async Task DisposeAsync()
        {
            foreach (var client in _clients.Values)
            {
                client.Dispose();
            }

            await Host.DisposeAndDelete();
        }
    }
}
