using Dapper;

namespace CollectorShop.Silo.Persistence;

public sealed record StoredImage(string ContentType, byte[] Bytes);

/// <summary>Uploaded pictures live in the shop's database, so every replica serves them.</summary>
public sealed class ImageStore(ShopDatabase database, TimeProvider time)
{
    /// <summary>Keeps the first save of an id: uploads get fresh ids, and silos seeding the demo together save the same pictures.</summary>
    public async Task Save(string id, string contentType, byte[] bytes)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync(
            "INSERT INTO images (id, content_type, bytes, created_at) VALUES (@id, @contentType, @bytes, @createdAt) ON CONFLICT (id) DO NOTHING",
            new { id, contentType, bytes, createdAt = time.GetUtcNow().ToUnixTimeMilliseconds() });
    }

    public async Task<StoredImage?> Find(string id)
    {
        await using var connection = await database.Open();
        return await connection.QuerySingleOrDefaultAsync<StoredImage>(
            "SELECT content_type AS ContentType, bytes AS Bytes FROM images WHERE id = @id", new { id });
    }
}
