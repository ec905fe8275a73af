using CollectorShop.Grains;
using CollectorShop.Silo.Auth;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CollectorShop.Silo.Uploads;

public sealed record UploadedImage(string Url);

/// <summary>Listing photos: sellers upload them into the shop's database, anyone fetches them with a year-long cache.</summary>
public static class UploadEndpoints
{
    public const string ImageField = "image";
    public const long MaxImageBytes = 5 * 1024 * 1024;

    // Room for the multipart boundary and part headers around the largest accepted image.
    private const long MaxRequestBytes = MaxImageBytes + 64 * 1024;

    public static IEndpointRouteBuilder MapUploadEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/upload", Upload)
            .WithName("UploadImage")
            .RequireAuthorization(ShopPolicies.Seller)
            // Callers sign in with a bearer header that browsers never attach on their own, so a cross-site form cannot upload as them.
            .DisableAntiforgery();
        routes.MapGet("/uploads/{id}.{ext}", Serve)
            .WithName("GetImage")
            .AllowAnonymous();
        return routes;
    }

    private static async Task<Results<Created<UploadedImage>, BadRequest<ApiError>, JsonHttpResult<ApiError>>> Upload(
        HttpRequest request, ImageStore images, CancellationToken cancellationToken)
    {
        var errors = new FieldErrors();
        if (!request.HasFormContentType)
        {
            errors.Add(ImageField, $"Send the picture as multipart/form-data in a field named \"{ImageField}\".");
            return errors.ToBadRequest();
        }

        if (request.ContentLength > MaxRequestBytes)
        {
            return TooLarge();
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception malformed) when (malformed is InvalidDataException or IOException)
        {
            return TypedResults.BadRequest(new ApiError("The multipart body is malformed or incomplete."));
        }

        if (form.Files.GetFile(ImageField) is not { } file)
        {
            errors.Add(ImageField, $"Attach the picture in a multipart field named \"{ImageField}\".");
            return errors.ToBadRequest();
        }

        if (file.Length > MaxImageBytes)
        {
            return TooLarge();
        }

        if (file.Length == 0)
        {
            errors.Add(ImageField, "The picture is empty.");
            return errors.ToBadRequest();
        }

        var bytes = new byte[file.Length];
        await using (var content = file.OpenReadStream())
        {
            await content.ReadExactlyAsync(bytes, cancellationToken);
        }

        if (ImageFormat.Detect(bytes) is not { } format)
        {
            return TypedResults.Json(
                new ApiError("Only JPEG, PNG, WebP and GIF pictures are accepted, and this file is none of them."),
                statusCode: StatusCodes.Status415UnsupportedMediaType);
        }

        var id = ShopIds.New();
        await images.Save(id, format.ContentType, bytes);
        var url = $"/uploads/{id}.{format.Extension}";
        return TypedResults.Created(url, new UploadedImage(url));
    }

    private static async Task<Results<FileContentHttpResult, NotFound<ApiError>>> Serve(
        string id, string ext, ImageStore images, HttpResponse response)
    {
        var image = await images.Find(id);
        if (image is null || ImageFormat.OfContentType(image.ContentType)?.Extension != ext)
        {
            return TypedResults.NotFound(new ApiError("There is no such image."));
        }

        // Stored images never change: a new upload always gets a new id.
        response.Headers.CacheControl = "public, max-age=31536000, immutable";
        response.Headers.XContentTypeOptions = "nosniff";
        return TypedResults.File(image.Bytes, image.ContentType);
    }

    private static JsonHttpResult<ApiError> TooLarge() => TypedResults.Json(
        new ApiError($"A picture may not exceed {MaxImageBytes / (1024 * 1024)} MB."),
        statusCode: StatusCodes.Status413PayloadTooLarge);
}
