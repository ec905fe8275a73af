using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using CollectorShop.Silo.Uploads;

namespace CollectorShop.Tests.Http.Uploads;

/// <summary>POST /api/upload and GET /uploads/{id}.{ext} on the real host.</summary>
public sealed class UploadTests(ClassHost fixture) : IClassFixture<ClassHost>
{
    private const int FiveMegabytes = 5 * 1024 * 1024;

    private static readonly byte[] Png = Convert.FromBase64String(
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==");

    private readonly ShopHost _host = fixture.Host;

    /// <summary>1×1 pictures of each accepted format, and the type and extension the shop must give them.</summary>
    public static TheoryData<string, string, string> Pictures => new()
    {
        {
            "/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=",
            "image/jpeg", "jpg"
        },
        { Convert.ToBase64String(Png), "image/png", "png" },
        { "UklGRhoAAABXRUJQVlA4TA0AAAAvAAAAEAcQERGIiP4HAA==", "image/webp", "webp" },
        { "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7", "image/gif", "gif" },
    };

    [Theory]
    [MemberData(nameof(Pictures))]
    public async Task Each_accepted_format_is_stored_and_served_back_byte_for_byte(string base64, string contentType, string extension)
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);
        var bytes = Convert.FromBase64String(base64);

        var response = await seller.PostAsync("/api/upload", Form(bytes, $"photo.{extension}", contentType));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<UploadedImage>())!.Url;
        Assert.Matches($"^/uploads/[0-9a-f]{{32}}\\.{extension}$", url);
        Assert.Equal(url, response.Headers.Location?.OriginalString);
        var served = await _host.CreateClient().GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, served.StatusCode);
        Assert.Equal(bytes, await served.Content.ReadAsByteArrayAsync());
        Assert.Equal(contentType, served.Content.Headers.ContentType?.MediaType);
        Assert.Equal("nosniff", served.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.True(served.Headers.CacheControl is { Public: true, MaxAge.TotalSeconds: 31536000 }, $"Cache-Control was {served.Headers.CacheControl}");
        Assert.Contains("immutable", served.Headers.CacheControl!.Extensions.Select(extension => extension.Name));
    }

    [Fact]
    public async Task Content_decides_so_a_png_declared_as_text_is_accepted_as_png()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);

        var response = await seller.PostAsync("/api/upload", Form(Png, "notes.txt", "text/plain"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var url = (await response.Content.ReadFromJsonAsync<UploadedImage>())!.Url;
        Assert.EndsWith(".png", url);
        Assert.Equal("image/png", (await _host.CreateClient().GetAsync(url)).Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_text_file_named_and_declared_as_png_is_415()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);

        var response = await seller.PostAsync("/api/upload", Form(Encoding.UTF8.GetBytes("<script>alert(1)</script>"), "photo.png", "image/png"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal("Only JPEG, PNG, WebP and GIF pictures are accepted, and this file is none of them.", await response.ErrorOf());
    }

    [Theory]
    [InlineData("BM")]
    [InlineData("RIFF\0\0\0\0WAVEfmt ")]
    [InlineData("%PDF-1.7")]
    public async Task Other_formats_are_415(string start)
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);

        var response = await seller.PostAsync("/api/upload", Form([.. Encoding.ASCII.GetBytes(start), .. new byte[64]], "photo.jpg", "image/jpeg"));

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task A_picture_of_exactly_five_megabytes_is_accepted()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);

        var response = await seller.PostAsync("/api/upload", Form(PngOfSize(FiveMegabytes), "big.png", "image/png"));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task A_picture_one_byte_over_five_megabytes_is_413()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);

        var response = await seller.PostAsync("/api/upload", Form(PngOfSize(FiveMegabytes + 1), "big.png", "image/png"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal("A picture may not exceed 5 MB.", await response.ErrorOf());
    }

    [Fact]
    public async Task A_request_far_over_the_limit_is_413()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);

        var response = await seller.PostAsync("/api/upload", Form(PngOfSize(FiveMegabytes + 512 * 1024), "huge.png", "image/png"));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task A_form_without_an_image_field_is_400()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);
        var form = new MultipartFormDataContent { { new ByteArrayContent(Png), "file", "photo.png" } };

        var response = await seller.PostAsync("/api/upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = (await response.Content.ReadFromJsonAsync<ApiError>())!;
        Assert.Equal("Attach the picture in a multipart field named \"image\".", error.Errors!["image"].Single());
    }

    [Fact]
    public async Task An_image_field_that_is_text_rather_than_a_file_is_400()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);
        var form = new MultipartFormDataContent { { new StringContent("iVBORw0KGgo="), "image" } };

        var response = await seller.PostAsync("/api/upload", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task An_empty_file_is_400()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);

        var response = await seller.PostAsync("/api/upload", Form([], "empty.png", "image/png"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The picture is empty.", await response.ErrorOf());
    }

    [Fact]
    public async Task A_body_that_is_not_multipart_is_400()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);

        var json = await seller.PostAsJsonAsync("/api/upload", new { image = "iVBORw0KGgo=" });
        var raw = await seller.PostAsync("/api/upload", new ByteArrayContent(Png) { Headers = { ContentType = new MediaTypeHeaderValue("image/png") } });

        Assert.Equal(HttpStatusCode.BadRequest, json.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, raw.StatusCode);
        Assert.Contains("multipart/form-data", await raw.ErrorOf());
    }

    [Fact]
    public async Task A_truncated_multipart_body_is_400()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);
        var body = new ByteArrayContent(Encoding.ASCII.GetBytes("--cut\r\nContent-Disposition: form-data; name=\"image\"; filename=\"a.png\"\r\n\r\n\u0089PNG"));
        body.Headers.ContentType = MediaTypeHeaderValue.Parse("multipart/form-data; boundary=cut");

        var response = await seller.PostAsync("/api/upload", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("The multipart body is malformed or incomplete.", await response.ErrorOf());
    }

    [Fact]
    public async Task Uploading_needs_an_active_seller_or_admin()
    {
        var (buyer, _) = await _host.SignedInUser(Role.Buyer);
        var (inactiveSeller, _) = await _host.SignedInUser(Role.Seller, active: false);
        var (admin, _) = await _host.SignedInUser(Role.Admin);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.CreateClient().PostAsync("/api/upload", Form(Png, "a.png", "image/png"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await buyer.PostAsync("/api/upload", Form(Png, "a.png", "image/png"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await inactiveSeller.PostAsync("/api/upload", Form(Png, "a.png", "image/png"))).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await admin.PostAsync("/api/upload", Form(Png, "a.png", "image/png"))).StatusCode);
    }

    [Fact]
    public async Task An_unknown_image_or_the_wrong_extension_is_404()
    {
        var (seller, _) = await _host.SignedInUser(Role.Seller);
        var url = (await (await seller.PostAsync("/api/upload", Form(Png, "a.png", "image/png"))).Content.ReadFromJsonAsync<UploadedImage>())!.Url;
        var client = _host.CreateClient();

        var unknown = await client.GetAsync($"/uploads/{ShopIds.New()}.png");
        var wrongExtension = await client.GetAsync(Path.ChangeExtension(url, ".jpg"));

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, wrongExtension.StatusCode);
        Assert.Equal("There is no such image.", await wrongExtension.ErrorOf());
    }

    private static MultipartFormDataContent Form(byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, UploadEndpoints.ImageField, fileName } };
    }

    /// <summary>A PNG signature padded to the given size: the shop judges a picture by its first bytes.</summary>
    private static byte[] PngOfSize(int size)
    {
        var bytes = new byte[size];
        Png.CopyTo(bytes, 0);
        return bytes;
    }
}
