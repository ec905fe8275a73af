using System.Net.Mail;

namespace CollectorShop.Silo.Auth;

/// <summary>One spelling of an email address for the whole shop: trimmed and lower-cased.</summary>
public static class Emails
{
    public static string Normalize(string email) => email.Trim().ToLowerInvariant();

    /// <summary>A plausible address: one @, a dot in the domain, no spaces, parseable as an address.</summary>
    public static bool IsPlausible(string normalized) =>
        normalized.Length <= 254
        && !normalized.Any(char.IsWhiteSpace)
        && normalized.IndexOf('@') is > 0 and var at
        && at == normalized.LastIndexOf('@')
        && normalized.IndexOf('.', at) is var dot && dot > at + 1 && dot < normalized.Length - 1
        && MailAddress.TryCreate(normalized, out var parsed)
        && parsed.Address == normalized;
}
