namespace CollectorShop.Silo.Uploads;

public static class UploadEndpoints
{
    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder routes)
    {
        return routes;
    }
}
