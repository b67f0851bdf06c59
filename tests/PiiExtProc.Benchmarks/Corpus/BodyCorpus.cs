using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace PiiExtProc.Benchmarks.Corpus;

/// <summary>
/// Deterministic synthetic bodies (UTF-8) of a <see cref="BodyKind"/> and an approximate size: records are appended
/// until the body reaches the size, so the exact length is a little above it (see <see cref="Get"/>).
/// The same kind and size always give the same bytes.
/// </summary>
public static class BodyCorpus
{
    private static readonly ConcurrentDictionary<(BodyKind Kind, int Size), byte[]> s_cache = new();

    /// <summary>The body of <paramref name="kind"/> with at least <paramref name="approximateBytes"/> bytes (cached).</summary>
    public static byte[] Get(BodyKind kind, int approximateBytes)
        => s_cache.GetOrAdd((kind, approximateBytes), key => Encoding.UTF8.GetBytes(Build(key.Kind, key.Size)));

    /// <summary>How a body of <paramref name="kind"/> is parsed: text for log lines, CSV for the export, markup for the
    /// HTML page, else JSON.</summary>
    public static Scanning.BodyFormat FormatOf(BodyKind kind) => kind switch
    {
        BodyKind.LogLines => Scanning.BodyFormat.Text,
        BodyKind.DenseCsv => Scanning.BodyFormat.Csv,
        BodyKind.MarkupPage => Scanning.BodyFormat.Markup,
        _ => Scanning.BodyFormat.Json,
    };

    private static string Build(BodyKind kind, int size)
    {
        var ids = new SyntheticIdentifiers(seed: 42 + (int)kind);
        var builder = new StringBuilder(size + 1024);
        switch (kind)
        {
            case BodyKind.CleanJson:
                builder.Append("{\"page\":1,\"page_size\":50,\"items\":[");
                for (var i = 0; builder.Length < size - 2; i++)
                {
                    AppendComma(builder, i);
                    AppendProduct(builder, ids, i);
                }

                builder.Append("]}");
                break;
            case BodyKind.DenseJson:
                builder.Append('[');
                for (var i = 0; builder.Length < size - 1; i++)
                {
                    AppendComma(builder, i);
                    AppendCustomer(builder, ids, i);
                }

                builder.Append(']');
                break;
            case BodyKind.OrderJson:
                builder.Append("{\"order_id\":\"OD").Append(ids.Digits(12)).Append("\",\"status\":\"CONFIRMED\",\"customer\":");
                AppendCustomer(builder, ids, 0);
                builder.Append(",\"items\":[");
                for (var i = 0; builder.Length < size - 2; i++)
                {
                    AppendComma(builder, i);
                    AppendProduct(builder, ids, i);
                }

                builder.Append("]}");
                break;
            case BodyKind.DenseCsv:
                builder.Append("customer_id,name,email,mobile,aadhaar,pan,upi_id,date_of_birth,card_number,last_login_ip,shipping_address,city,pincode\r\n");
                for (var i = 0; builder.Length < size; i++)
                {
                    AppendCustomerRow(builder, ids, i);
                }

                break;
            case BodyKind.ColumnarJson:
                builder.Append("{\"id\":\"20261125_000042_00001_abcde\",\"columns\":[");
                string[] columns = ["customer_id", "name", "email", "mobile", "aadhaar", "pan", "upi_id", "date_of_birth", "card_number", "last_login_ip", "shipping_address", "city", "pincode"];
                for (var c = 0; c < columns.Length; c++)
                {
                    AppendComma(builder, c);
                    builder.Append("{\"name\":\"").Append(columns[c]).Append("\",\"type\":\"varchar\"}");
                }

                builder.Append("],\"data\":[");
                for (var i = 0; builder.Length < size - 40; i++)
                {
                    AppendComma(builder, i);
                    AppendCustomerValues(builder, ids, i);
                }

                builder.Append("],\"stats\":{\"state\":\"FINISHED\"}}");
                break;
            case BodyKind.MarkupPage:
                AppendPageHeader(builder, ids);
                for (var i = 0; builder.Length < size - 24; i++)
                {
                    AppendOrderCard(builder, ids, i);
                }

                builder.Append("</ul>\n</body></html>\n");
                break;
            default:
                for (var i = 0; builder.Length < size; i++)
                {
                    AppendLogLine(builder, ids, i);
                }

                break;
        }

        return builder.ToString();
    }

    private static void AppendComma(StringBuilder builder, int index)
    {
        if (index > 0)
        {
            builder.Append(',');
        }
    }

    private static void AppendProduct(StringBuilder builder, SyntheticIdentifiers ids, int index)
    {
        var random = ids.Random;
        builder.Append(CultureInfo.InvariantCulture,
            $"{{\"sku\":\"SKU-{ids.Digits(6)}\",\"title\":\"Cotton kurta, style {index}\",\"brand\":\"Handloom House\",\"category\":\"apparel/men/ethnic\",");
        builder.Append(CultureInfo.InvariantCulture,
            $"\"price\":{{\"amount\":{random.Next(199, 9999)}.00,\"mrp\":{random.Next(10000, 19999)}.00,\"currency\":\"INR\"}},\"rating\":{random.Next(30, 50) / 10.0:0.0},\"reviews\":{random.Next(5000)},");
        builder.Append(CultureInfo.InvariantCulture,
            $"\"in_stock\":true,\"quantity\":{random.Next(1, 4)},\"tags\":[\"festive\",\"cotton\",\"bestseller\"],\"seller_id\":\"S-{ids.Digits(5)}\",\"updated_at\":\"2026-11-{random.Next(1, 29):00}T10:{random.Next(60):00}:00Z\"}}");
    }

    private static void AppendCustomer(StringBuilder builder, SyntheticIdentifiers ids, int index)
    {
        var first = ids.FirstName();
        var last = ids.LastName();
        builder.Append(CultureInfo.InvariantCulture, $"{{\"customer_id\":\"C-{100000 + index}\",\"name\":\"{first} {last}\",\"email\":\"{ids.Email(first, last)}\",");
        builder.Append(CultureInfo.InvariantCulture, $"\"mobile\":\"{ids.Mobile()}\",\"aadhaar\":\"{ids.Aadhaar()}\",\"pan\":\"{ids.Pan(last)}\",\"upi_id\":\"{ids.Upi(first)}\",");
        builder.Append(CultureInfo.InvariantCulture, $"\"date_of_birth\":\"{ids.DateOfBirth()}\",\"card_number\":\"{ids.Card()}\",\"last_login_ip\":\"{ids.Ipv4()}\",");
        builder.Append(CultureInfo.InvariantCulture,
            $"\"address\":{{\"line1\":\"{ids.Random.Next(1, 300)} {ids.Street()}\",\"city\":\"{ids.City()}\",\"pincode\":\"{ids.PinCode()}\"}}}}");
    }

    /// <summary>A customer export row: CSV fields, the address (which holds a comma) quoted.</summary>
    private static void AppendCustomerRow(StringBuilder builder, SyntheticIdentifiers ids, int index)
    {
        string[] fields = CustomerFields(ids, index);
        fields[AddressField] = $"\"{fields[AddressField]}\"";
        builder.AppendJoin(',', fields).Append("\r\n");
    }

    /// <summary>The same customer as a columnar JSON row: an array of 13 strings.</summary>
    private static void AppendCustomerValues(StringBuilder builder, SyntheticIdentifiers ids, int index) =>
        builder.Append("[\"").AppendJoin("\",\"", CustomerFields(ids, index)).Append("\"]");

    /// <summary>Index of the shipping address among <see cref="CustomerFields"/>.</summary>
    private const int AddressField = 10;

    /// <summary>
    /// One export customer's 13 values, drawn in column order (customer_id, name, email, mobile, aadhaar, pan, upi_id,
    /// date_of_birth, card_number, last_login_ip, shipping_address, city, pincode), for the CSV and columnar JSON bodies.
    /// </summary>
    private static string[] CustomerFields(SyntheticIdentifiers ids, int index)
    {
        var first = ids.FirstName();
        var last = ids.LastName();
        return
        [
            string.Create(CultureInfo.InvariantCulture, $"C-{100000 + index}"), $"{first} {last}", ids.Email(first, last), ids.Mobile(),
            ids.Aadhaar(), ids.Pan(last), ids.Upi(first), ids.DateOfBirth(), ids.Card(), ids.Ipv4(),
            string.Create(CultureInfo.InvariantCulture, $"{ids.Random.Next(1, 300)} {ids.Street()}, {ids.City()}"), ids.City(), ids.PinCode(),
        ];
    }

    private static void AppendPageHeader(StringBuilder builder, SyntheticIdentifiers ids)
    {
        var first = ids.FirstName();
        var last = ids.LastName();
        builder.Append("<html><head><meta charset=\"utf-8\"><title>My orders</title></head>\n<body class=\"account-page\">\n");
        builder.Append(CultureInfo.InvariantCulture,
            $"<div class=\"account-header\"><span class=\"customer-name\">{first} {last}</span> <span class=\"customer-email\">{ids.Email(first, last)}</span></div>\n");
        builder.Append("<ul class=\"orders list-unstyled\">\n");
    }

    private static void AppendOrderCard(StringBuilder builder, SyntheticIdentifiers ids, int index)
    {
        var random = ids.Random;
        builder.Append(CultureInfo.InvariantCulture,
            $"<li class=\"order-card item product product-item col-md-6\" data-order-id=\"OD{ids.Digits(12)}\"><div class=\"product-item-info\" data-container=\"product-grid\">");
        builder.Append(CultureInfo.InvariantCulture,
            $"<a href=\"/p/{index}.html\" class=\"product photo product-item-photo\"><img class=\"product-image-photo\" src=\"/media/{index}.jpg\" alt=\"Cotton kurta, style {index}\"></a>");
        builder.Append(CultureInfo.InvariantCulture,
            $"<strong class=\"product name product-item-name\"><a class=\"product-item-link\" href=\"/p/{index}.html\">Cotton kurta, style {index}</a></strong>");
        builder.Append(CultureInfo.InvariantCulture,
            $"<span class=\"price-wrapper\" data-price-amount=\"{random.Next(199, 9999)}\"><span class=\"price\">Rs. {random.Next(199, 9999)}</span></span>");
        if (index % 3 == 0)
        {
            builder.Append(CultureInfo.InvariantCulture,
                $"<div class=\"shipping-address\">{random.Next(1, 300)} {ids.Street()}, {ids.City()} {ids.PinCode()}</div><span class=\"delivery-phone\">{ids.Mobile()}</span>");
        }

        builder.Append("</div></li>\n");
    }

    private static void AppendLogLine(StringBuilder builder, SyntheticIdentifiers ids, int index)
    {
        var random = ids.Random;
        builder.Append(CultureInfo.InvariantCulture,
            $"2026-11-22T10:{random.Next(60):00}:{random.Next(60):00}.{random.Next(1000):000}Z INFO order-service req_id={ids.Digits(8)}-{ids.Digits(4)} ");
        switch (index % 6)
        {
            case 0:
                var first = ids.FirstName();
                builder.Append(CultureInfo.InvariantCulture, $"login ok user={ids.Email(first, ids.LastName())} ip={ids.Ipv4()}");
                break;
            case 3:
                builder.Append(CultureInfo.InvariantCulture, $"otp sent to mobile {ids.MobilePlain()} pan={ids.Pan(ids.LastName())}");
                break;
            default:
                builder.Append(CultureInfo.InvariantCulture,
                    $"GET /v1/catalog/items?page={random.Next(1, 50)} status=200 duration_ms={random.Next(1, 40)} bytes={random.Next(500, 20000)} cache=hit");
                break;
        }

        builder.Append('\n');
    }
}
