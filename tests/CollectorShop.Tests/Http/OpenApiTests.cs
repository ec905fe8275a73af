using System.Net;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CollectorShop.Tests.Http;

/// <summary>The OpenAPI document describes every API route; the interactive reference exists only in Development.</summary>
public sealed class OpenApiTests
{
    [Fact]
    public async Task The_document_lists_every_api_route_with_its_methods()
    {
        var host = new ShopHost();
        try
        {
            var document = JsonNode.Parse(await host.CreateClient().GetStringAsync("/openapi/v1.json"))!;
            var documented = document["paths"]!.AsObject()
                .SelectMany(path => path.Value!.AsObject().Select(operation => $"{operation.Key.ToUpperInvariant()} {path.Key}"))
                .Order()
                .ToList();

            var mapped = host.Services.GetRequiredService<EndpointDataSource>().Endpoints
                .OfType<RouteEndpoint>()
                .Where(endpoint => endpoint.RoutePattern.RawText is { } raw && raw.StartsWith("/api/", StringComparison.Ordinal) && !raw.Contains("{**", StringComparison.Ordinal))
                .SelectMany(endpoint => endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods
                    .Select(method => $"{method} {endpoint.RoutePattern.RawText!.TrimEnd('/')}"))
                .Order()
                .ToList();

            Assert.NotEmpty(mapped);
            Assert.All(mapped, route => Assert.Contains(route, documented));
        }
        finally
        {
            await host.DisposeAndDelete();
        }
    }

    [Theory]
    [InlineData("Development", HttpStatusCode.OK)]
    [InlineData("Production", HttpStatusCode.NotFound)]
    public async Task The_reference_page_is_served_only_in_development(string environment, HttpStatusCode expected)
    {
        var host = new ShopHost(environment: environment);
        try
        {
            var response = await host.CreateClient().GetAsync("/scalar/");

            Assert.Equal(expected, response.StatusCode);
        }
        finally
        {
            await host.DisposeAndDelete();
        }
    }
}
