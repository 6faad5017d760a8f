using System.Globalization;
using System.Net;

var builder = WebApplication.CreateSlimBuilder(args);
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
var port = int.Parse(builder.Configuration["port"] ?? "5180", CultureInfo.InvariantCulture);
builder.WebHost.ConfigureKestrel(kestrel =>
{
    kestrel.Listen(IPAddress.Loopback, port);
    kestrel.AddServerHeader = false;
});
var app = builder.Build();
var answer = """{"predictions":[{"id":"A00000000","score":0.20496927201747894,"class":0}]}"""u8.ToArray();
app.MapPost("/invocations", async (HttpContext http) =>
{
    using var body = new MemoryStream();
    await http.Request.Body.CopyToAsync(body);
    http.Response.ContentType = "application/json";
    await http.Response.Body.WriteAsync(answer);
});
app.MapGet("/health", () => "ok");
await app.RunAsync();
