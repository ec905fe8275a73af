using System.Text;
using System.Text.Json;
using CollectorShop.Grains;
using CollectorShop.Silo.Http;
using Dapper;

namespace CollectorShop.Silo.Persistence;

public enum ListingSort { Newest, PriceAsc, PriceDesc }

public sealed record ListingSearch(
    string? Q,
    string? CategoryId,
    decimal? MinPrice,
    decimal? MaxPrice,
    string? SellerId,
    IReadOnlyCollection<ListingStatus> Statuses,
    ListingSort Sort,
    int Page,
    int PageSize);

public sealed record Page<T>(IReadOnlyList<T> Items, int Total);

public sealed record SellerRequestEntry(SellerRequest Request, UserProfile? User);

/// <summary>One list's SQL: the count of every matching row, and one page of their snapshots.</summary>
internal sealed record PageQuery(string CountSql, string PageSql, DynamicParameters Parameters);

/// <summary>
/// The SQL tables behind every list and search. Grains write snapshots here after each change
/// (an older version never replaces a newer one); endpoints read lists from here.
/// </summary>
public sealed class ShopReadModel(ShopDatabase database) : IReadModel
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public Task Project(Listing listing, int version) => Upsert(
        """
        INSERT INTO products (id, version, status, seller_id, category_id, price_cents, created_at, search_text, data)
        VALUES (@Id, @Version, @Status, @SellerId, @CategoryId, @PriceCents, @CreatedAt, @SearchText, @Data)
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, status = excluded.status,
            seller_id = excluded.seller_id, category_id = excluded.category_id, price_cents = excluded.price_cents,
            created_at = excluded.created_at, search_text = excluded.search_text, data = excluded.data
        WHERE excluded.version > products.version
        """,
        new
        {
            listing.Id,
            Version = version,
            Status = WireNames.Of(listing.Status),
            listing.SellerId,
            listing.CategoryId,
            PriceCents = Cents(listing.Price),
            CreatedAt = listing.CreatedAt.ToUnixTimeMilliseconds(),
            SearchText = SearchText(listing.Title, listing.Description),
            Data = JsonSerializer.Serialize(listing, Json),
        });

    public Task Project(Order order, int version) => Upsert(
        """
        INSERT INTO orders (id, version, status, buyer_id, seller_id, product_id, created_at, expires_at, data)
        VALUES (@Id, @Version, @Status, @BuyerId, @SellerId, @ProductId, @CreatedAt, @ExpiresAt, @Data)
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, status = excluded.status,
            expires_at = excluded.expires_at, data = excluded.data
        WHERE excluded.version > orders.version
        """,
        new
        {
            order.Id,
            Version = version,
            Status = WireNames.Of(order.Status),
            order.BuyerId,
            order.SellerId,
            order.ProductId,
            CreatedAt = order.CreatedAt.ToUnixTimeMilliseconds(),
            ExpiresAt = order.ExpiresAt?.ToUnixTimeMilliseconds(),
            Data = JsonSerializer.Serialize(order, Json),
        });

    public Task Project(UserProfile user, int version) => Upsert(
        """
        INSERT INTO users (id, version, email, role, sort_name, search_text, data)
        VALUES (@Id, @Version, @Email, @Role, @SortName, @SearchText, @Data)
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, email = excluded.email, role = excluded.role,
            sort_name = excluded.sort_name, search_text = excluded.search_text, data = excluded.data
        WHERE excluded.version > users.version
        """,
        new
        {
            user.Id,
            Version = version,
            user.Email,
            Role = WireNames.Of(user.Role),
            SortName = user.Name.ToLowerInvariant(),
            SearchText = SearchText(user.Name, user.Email),
            Data = JsonSerializer.Serialize(user, Json),
        });

    public Task Project(SellerRequest request, int version) => Upsert(
        """
        INSERT INTO seller_requests (id, version, status, user_id, updated_at, data)
        VALUES (@Id, @Version, @Status, @UserId, @UpdatedAt, @Data)
        ON CONFLICT (id) DO UPDATE SET version = excluded.version, status = excluded.status,
            updated_at = excluded.updated_at, data = excluded.data
        WHERE excluded.version > seller_requests.version
        """,
        new
        {
            request.Id,
            Version = version,
            Status = WireNames.Of(request.Status),
            request.UserId,
            UpdatedAt = request.UpdatedAt.ToUnixTimeMilliseconds(),
            Data = JsonSerializer.Serialize(request, Json),
        });

    public async Task<int> CountListings(string categoryId)
    {
        await using var connection = await database.Open();
        return await connection.ExecuteScalarAsync<int>(
            "SELECT COUNT(*) FROM products WHERE category_id = @categoryId AND status <> @removed",
            new { categoryId, removed = WireNames.Of(ListingStatus.Removed) });
    }

    /// <summary>Listings of the given statuses per category, for the category list.</summary>
    public async Task<IReadOnlyDictionary<string, int>> ListingsByCategory(IReadOnlyCollection<ListingStatus> statuses)
    {
        await using var connection = await database.Open();
        var parameters = new DynamicParameters();
        var rows = await connection.QueryAsync<(string CategoryId, int Count)>(
            $"SELECT category_id, COUNT(*) FROM products WHERE {parameters.In("status", "Status", statuses)} GROUP BY category_id",
            parameters);
        return rows.ToDictionary(r => r.CategoryId, r => r.Count);
    }

    /// <summary>The content type of a stored image, or null when no image has this id; listings check their /uploads/ URLs with it.</summary>
    public async Task<string?> ImageContentType(string id)
    {
        await using var connection = await database.Open();
        return await connection.QuerySingleOrDefaultAsync<string>("SELECT content_type FROM images WHERE id = @id", new { id });
    }

    public Task<Page<Listing>> Listings(ListingSearch search) => PageOf<Listing>(ListingsQuery(search));

    /// <summary>
    /// The SQL behind <see cref="Listings"/>. The providers differ here and only here: SQLite is told to leave the
    /// status index to the counts ("+status") and narrows words through its FTS5 trigram table first, while
    /// PostgreSQL's planner picks the sort-order index by itself and its GIN trigram index answers the LIKE directly.
    /// </summary>
    internal PageQuery ListingsQuery(ListingSearch search)
    {
        var parameters = new DynamicParameters();
        var where = new StringBuilder(parameters.In("status", "Status", search.Statuses));
        if (search.CategoryId is not null)
        {
            where.Append(" AND category_id = @CategoryId");
            parameters.Add("CategoryId", search.CategoryId);
        }
        if (search.SellerId is not null)
        {
            where.Append(" AND seller_id = @SellerId");
            parameters.Add("SellerId", search.SellerId);
        }
        if (search.MinPrice is { } min)
        {
            where.Append(" AND price_cents >= @MinCents");
            parameters.Add("MinCents", Cents(min));
        }
        if (search.MaxPrice is { } max)
        {
            where.Append(" AND price_cents <= @MaxCents");
            parameters.Add("MaxCents", Cents(max));
        }
        var sqlite = database.Provider == StorageProvider.Sqlite;
        if (sqlite)
        {
            AppendTrigramNarrowing(where, parameters, search.Q);
        }
        AppendWords(where, parameters, search.Q);
        var orderBy = search.Sort switch
        {
            ListingSort.PriceAsc => "price_cents ASC, created_at DESC, id",
            ListingSort.PriceDesc => "price_cents DESC, created_at DESC, id",
            _ => "created_at DESC, id",
        };
        return Paged("products", where.ToString(), orderBy, parameters, search.Page, search.PageSize, sqlite ? "+" + where : null);
    }

    /// <summary>Orders newest first, narrowed to a buyer, a seller and/or a status.</summary>
    public Task<Page<Order>> Orders(string? buyerId, string? sellerId, OrderStatus? status, int page, int pageSize)
    {
        var where = new StringBuilder("1 = 1");
        var parameters = new DynamicParameters();
        if (buyerId is not null)
        {
            where.Append(" AND buyer_id = @BuyerId");
            parameters.Add("BuyerId", buyerId);
        }
        if (sellerId is not null)
        {
            where.Append(" AND seller_id = @SellerId");
            parameters.Add("SellerId", sellerId);
        }
        if (status is { } s)
        {
            where.Append(" AND status = @Status");
            parameters.Add("Status", WireNames.Of(s));
        }
        // Ids are time-ordered, so they break ties of orders placed within the same millisecond.
        return PageOf<Order>(Paged("orders", where.ToString(), "created_at DESC, id DESC", parameters, page, pageSize));
    }

    /// <summary>Accounts sorted by name; <paramref name="q"/> matches name or email, case-insensitively.</summary>
    public Task<Page<UserProfile>> Users(Role? role, string? q, int page, int pageSize)
    {
        var where = new StringBuilder("1 = 1");
        var parameters = new DynamicParameters();
        if (role is { } r)
        {
            where.Append(" AND role = @Role");
            parameters.Add("Role", WireNames.Of(r));
        }
        AppendWords(where, parameters, q);
        return PageOf<UserProfile>(Paged("users", where.ToString(), "sort_name, id", parameters, page, pageSize));
    }

    /// <summary>
    /// Seller requests of one status, most recently (re-)opened first, each with its user's row; the user is null
    /// while that row is not projected yet.
    /// </summary>
    public async Task<Page<SellerRequestEntry>> SellerRequests(SellerRequestStatus status, int page, int pageSize)
    {
        var parameters = new { Status = WireNames.Of(status), Limit = pageSize, Offset = (page - 1) * pageSize };
        await using var connection = await database.Open();
        var total = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM seller_requests WHERE status = @Status", parameters);
        var rows = await connection.QueryAsync<(string RequestData, string? UserData)>(
            """
            SELECT r.data AS request_data, u.data AS user_data
            FROM seller_requests r LEFT JOIN users u ON u.id = r.user_id
            WHERE r.status = @Status
            ORDER BY r.updated_at DESC, r.id
            LIMIT @Limit OFFSET @Offset
            """,
            parameters);
        var entries = rows
            .Select(row => new SellerRequestEntry(Read<SellerRequest>(row.RequestData), row.UserData is null ? null : Read<UserProfile>(row.UserData)))
            .ToList();
        return new Page<SellerRequestEntry>(entries, total);
    }

    /// <summary>
    /// The count of the rows matching <paramref name="where"/> and the SQL of one page of them (<paramref name="pageWhere"/>:
    /// the same filter worded for the page's plan).
    /// </summary>
    private static PageQuery Paged(
        string table, string where, string orderBy, DynamicParameters parameters, int page, int pageSize, string? pageWhere = null)
    {
        parameters.Add("Limit", pageSize);
        parameters.Add("Offset", (page - 1) * pageSize);
        return new PageQuery(
            $"SELECT COUNT(*) FROM {table} WHERE {where}",
            $"SELECT data FROM {table} WHERE {pageWhere ?? where} ORDER BY {orderBy} LIMIT @Limit OFFSET @Offset",
            parameters);
    }

    private async Task<Page<T>> PageOf<T>(PageQuery query)
    {
        await using var connection = await database.Open();
        var total = await connection.ExecuteScalarAsync<int>(query.CountSql, query.Parameters);
        var rows = await connection.QueryAsync<string>(query.PageSql, query.Parameters);
        return new Page<T>(rows.Select(Read<T>).ToList(), total);
    }

    private async Task Upsert(string sql, object row)
    {
        await using var connection = await database.Open();
        await connection.ExecuteAsync(sql, row);
    }

    /// <summary>Every word of the query must appear in the row's lower-cased search text; LIKE's wildcards match literally.</summary>
    private static void AppendWords(StringBuilder where, DynamicParameters parameters, string? q)
    {
        var words = Words(q);
        for (var i = 0; i < words.Length; i++)
        {
            where.Append($" AND search_text LIKE @Word{i} ESCAPE '\\'");
            parameters.Add($"Word{i}", $"%{words[i].Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_")}%");
        }
    }

    /// <summary>
    /// SQLite's FTS5 trigram index answers LIKE but not ESCAPE, so it gets each word with its wildcards left as
    /// wildcards (finding a superset of the listings) and the exact LIKE of <see cref="AppendWords"/> decides.
    /// </summary>
    private static void AppendTrigramNarrowing(StringBuilder where, DynamicParameters parameters, string? q)
    {
        var words = Words(q);
        if (words.Length == 0)
        {
            return;
        }

        where.Append(" AND rowid IN (SELECT rowid FROM products_search WHERE ");
        where.AppendJoin(" AND ", words.Select((_, i) => $"search_text LIKE @Trigrams{i}"));
        where.Append(')');
        for (var i = 0; i < words.Length; i++)
        {
            parameters.Add($"Trigrams{i}", $"%{words[i]}%");
        }
    }

    private static string[] Words(string? q) => (q ?? "").ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);

    private static string SearchText(params string[] parts) => string.Join(' ', parts).ToLowerInvariant();

    private static long Cents(decimal euros) => (long)decimal.Round(euros * 100m, 0, MidpointRounding.AwayFromZero);

    private static T Read<T>(string json) => JsonSerializer.Deserialize<T>(json, Json)
        ?? throw new InvalidDataException($"A read-model row holds no {typeof(T).Name}.");
}
