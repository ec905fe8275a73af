namespace CollectorShop.Grains;

[GenerateSerializer, Alias("CategoriesState")]
public sealed record CategoriesState
{
    [Id(0)] public IReadOnlyList<Category> Categories { get; init; } = [];
}
