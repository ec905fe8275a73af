namespace CollectorShop.Silo.Auth;

/// <summary>BCrypt hashes for stored passwords, and the shop's password rule.</summary>
public static class Passwords
{
    public const int MinimumLength = 8;

    /// <summary>BCrypt ignores every byte after the 72nd, so a longer password would only seem stronger.</summary>
    public const int MaximumBytes = 72;

    public static string Hash(string password) => BCrypt.Net.BCrypt.HashPassword(password);

    public static bool Matches(string password, string hash) => BCrypt.Net.BCrypt.Verify(password, hash);

    /// <summary>At least 8 characters, one of which is neither a letter nor a digit.</summary>
    public static bool IsStrongEnough(string password) =>
        password.Length >= MinimumLength && password.Any(character => !char.IsLetterOrDigit(character));

    public static bool FitsTheHash(string password) => System.Text.Encoding.UTF8.GetByteCount(password) <= MaximumBytes;
}
