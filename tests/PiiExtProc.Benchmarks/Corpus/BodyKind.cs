namespace PiiExtProc.Benchmarks.Corpus;

/// <summary>The shapes of body the benchmarks scan.</summary>
public enum BodyKind
{
    /// <summary>A JSON API response with no personal data: a product listing (SKUs, prices, ratings, timestamps).</summary>
    CleanJson,

    /// <summary>A JSON array of customer records where every record carries 8-10 entities (the worst case).</summary>
    DenseJson,

    /// <summary>An order API body: one customer block with personal data, then clean line items (typical PII-bearing).</summary>
    OrderJson,

    /// <summary>Application log lines (text), a third of them with an email, mobile, IP or PAN.</summary>
    LogLines,

    /// <summary>The <see cref="DenseJson"/> customers as a CSV export: a header row, then one row of 13 fields per customer
    /// (the address one quoted field), 12 findings each (the address and the city are two).</summary>
    DenseCsv,

    /// <summary>
    /// A server-rendered "my orders" HTML page: the customer's name and email in class-labelled elements, then order
    /// cards with a storefront's attributes (classes, data-* attributes, links, images), every third with a shipping
    /// address and a delivery phone (the attribute-label and markup passes; from session 23 on).
    /// </summary>
    MarkupPage,

    /// <summary>
    /// The <see cref="DenseCsv"/> customers as a SQL gateway's query result (columnar JSON, Trino's shape): 13 column
    /// objects with a name and a type, then one array of 13 values per customer, 12 findings each as in the CSV rows (the column keys and
    /// row records; from session 24 on).
    /// </summary>
    ColumnarJson,
}
