namespace CollectorShop.Grains;

/// <summary>The catalogue of categories (key 0): the one place that keeps category ids unique.</summary>
[GrainType("categories")]
public sealed class CategoriesGrain(
    [PersistentState("categories", "shop")] IPersistentState<CategoriesState> state,
    IReadModel readModel)
    : Grain, ICategoriesGrain
{
    private IReadOnlyList<Category> Categories => state.State.Categories;

    public Task<IReadOnlyList<Category>> List() =>
        Task.FromResult<IReadOnlyList<Category>>(
            [.. Categories.OrderBy(category => category.Name, StringComparer.OrdinalIgnoreCase).ThenBy(category => category.Id, StringComparer.Ordinal)]);

    public async Task<Outcome<Category>> Create(string? id, string name)
    {
        var trimmedName = name.Trim();
        if (trimmedName.Length == 0)
        {
            return Refuse.Invalid("A category needs a name.");
        }

        var categoryId = id is null ? CategorySlug.From(trimmedName) : id.Trim();
        if (categoryId.Length == 0)
        {
            return Refuse.Invalid("A category id needs at least one letter or digit.");
        }

        if (categoryId != CategorySlug.From(categoryId))
        {
            return Refuse.Invalid("A category id is made of lower-case letters, digits and dashes.");
        }

        if (Find(categoryId) is not null)
        {
            return Refuse.Conflict($"The category '{categoryId}' already exists.");
        }

        var category = new Category(categoryId, trimmedName);
        await Store([.. Categories, category]);
        return category;
    }

    public async Task<Outcome<Category>> Rename(string id, string name)
    {
        if (Find(id) is not { } category)
        {
            return NotFound();
        }

        var trimmedName = name.Trim();
        if (trimmedName.Length == 0)
        {
            return Refuse.Invalid("A category needs a name.");
        }

        var renamed = category with { Name = trimmedName };
        await Store([.. Categories.Select(existing => existing.Id == id ? renamed : existing)]);
        return renamed;
    }

    public async Task<Outcome<Category>> Delete(string id)
    {
        if (Find(id) is not { } category)
        {
            return NotFound();
        }

        var listings = await readModel.CountListings(id);
        if (listings > 0)
        {
            return Refuse.Conflict($"The category '{id}' is used by {listings} listing(s).");
        }

        await Store([.. Categories.Where(existing => existing.Id != id)]);
        return category;
    }

    private Category? Find(string id) => Categories.FirstOrDefault(category => category.Id == id);

    /// <summary>The read model has no category table: GET /api/categories reads this grain.</summary>
    private Task Store(IReadOnlyList<Category> categories) =>
        state.Save(state.State with { Categories = categories }, this);

    private static Refusal NotFound() => Refuse.NotFound("Category not found.");
}
