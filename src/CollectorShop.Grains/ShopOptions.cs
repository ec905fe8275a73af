namespace CollectorShop.Grains;

/// <summary>Money and timing rules from configuration (sections "Shop" and "Checkout").</summary>
public sealed class ShopOptions
{
    /// <summary>The shop's cut of the item price (Shop:CommissionRate).</summary>
    public decimal CommissionRate { get; set; } = 0.05m;

    /// <summary>How long a pending order holds the item (Checkout:ReservationMinutes).</summary>
    public double ReservationMinutes { get; set; } = 30;

    public TimeSpan ReservationDuration => TimeSpan.FromMinutes(ReservationMinutes);

    /// <summary>How long after shipping an order completes when the buyer never confirms receipt (Shop:AutoCompleteDays).</summary>
    public double AutoCompleteDays { get; set; } = 14;

    public TimeSpan AutoCompleteDelay => TimeSpan.FromDays(AutoCompleteDays);
}
