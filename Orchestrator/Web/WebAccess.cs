using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Sweep.Orchestrator.Web;

/// <summary>
/// The token check in front of every page, API call, action and the dashboard. A request passes with
/// <c>Authorization: Bearer TOKEN</c>, or with the cookie a browser gets by opening any page once with
/// <c>?token=TOKEN</c> (HttpOnly, SameSite=Strict; the address is then reloaded without the token).
/// </summary>
internal sealed class WebAccess(string token)
{
    public const string Cookie = "sweep_token";

    private readonly byte[] _token = Encoding.UTF8.GetBytes(token);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var request = context.Request;
        if (Matches(BearerOf(request.Headers.Authorization.ToString())) || Matches(request.Cookies[Cookie]))
        {
            await next(context);
            return;
        }
        if (HttpMethods.IsGet(request.Method) && request.Query.TryGetValue("token", out var given) && Matches(given.ToString()))
        {
            context.Response.Cookies.Append(Cookie, token, new CookieOptions
            {
                HttpOnly = true, SameSite = SameSiteMode.Strict, Path = "/", Secure = request.IsHttps,
            });
            var rest = string.Join("&", request.Query.Where(q => q.Key != "token").Select(q => $"{Uri.EscapeDataString(q.Key)}={Uri.EscapeDataString(q.Value.ToString())}"));
            context.Response.Redirect(request.PathBase + request.Path + (rest.Length > 0 ? "?" + rest : ""));
            return;
        }
        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
        context.Response.Headers.WWWAuthenticate = "Bearer";
        const string why = "this sweep web host needs its token: send Authorization: Bearer TOKEN, or open a page once with ?token=TOKEN";
        if (request.Path.StartsWithSegments("/api")) await context.Response.WriteAsJsonAsync(new ErrorBody(why));
        else await context.Response.WriteAsync(why + "\n");
    }

    private static string? BearerOf(string header) =>
        header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header["Bearer ".Length..].Trim() : null;

    private bool Matches(string? candidate) =>
        candidate is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(candidate), _token);
}
