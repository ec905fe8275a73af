namespace CollectorShop.Silo.Auth;

/// <summary>
/// A route that takes a JSON body also matches requests with another or no content type, so binding answers
/// them (415, or 400 for a missing body) instead of the /api fallback's 404; an optional body may then be left out.
/// </summary>
public static class JsonBodyRoutes
{
    public static RouteHandlerBuilder TakesJson<TBody>(this RouteHandlerBuilder route, bool optional = false) where TBody : notnull =>
        route.Accepts<TBody>(optional, "application/json", "*/*");
}
