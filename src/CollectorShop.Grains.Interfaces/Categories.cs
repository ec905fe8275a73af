namespace CollectorShop.Grains;

[GenerateSerializer, Immutable, Alias("Category")]
public sealed record Category(string Id, string Name);

/// <summary>The one catalogue of categories (key 0): guards unique ids.</summary>
[Alias("ICategoriesGrain")]
public interface ICategoriesGrain : IGrainWithIntegerKey
{
    [Alias("List")] Task<IReadOnlyList<Category>> List();

    /// <summary>Conflict when the id is taken; the id is a slug of the name when not given.</summary>
    [Alias("Create")] Task<Outcome<Category>> Create(string? id, string name);

    [Alias("Rename")] Task<Outcome<Category>> Rename(string id, string name);

    /// <summary>Conflict while listings use the category.</summary>
    [Alias("Delete")] Task<Outcome<Category>> Delete(string id);
}
