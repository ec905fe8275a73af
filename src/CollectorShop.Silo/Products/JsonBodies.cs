namespace CollectorShop.Silo.Products;

public static class JsonBodies
{
    /// <summary>
    /// The /api 404 fallback takes any Content-Type, so a request without a JSON one would be routed there;
    /// accepting any type here leaves the answer (400 missing body, 415 not JSON) to the body binder.
    /// </summary>
    public static RouteHandlerBuilder AcceptsJson<TBody>(this RouteHandlerBuilder route, bool isOptional = false)
        where TBody : notnull =>
        route.Accepts<TBody>(isOptional, "application/json", "*/*");
}
