using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;

namespace Retail.ClusterTests;

/// <summary>The live KPI page in real headless Chromium, against a running local pipeline with its demo traffic.</summary>
[Trait("Category", "Browser")]
public sealed class KpiPageBrowserTests
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    [SkippableFact]
    public async Task The_page_shows_a_real_price_change_the_trending_list_and_charts_with_data()
    {
        RequireChromium();

        // The local default: embedded broker, memory storage, and the demo generator feeding a Shopify store.
        await using var silo = HostProcess.Start("Retail.Silo", new Dictionary<string, string>(HostProcess.OwnOrleansPorts())
        {
            ["Demo:Enabled"] = "true",
            ["Demo:EventsPerSecond"] = "40",
            ["Shopify:WebhookSecret"] = "browser-test-key",
        }, "browser-silo");
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));

        await WithPageAsync(silo, "kpi-page.png", async driver =>
        {
            // A real decision from the demo store's product updates, rendered by the page's own polling.
            var change = await UntilAsync(() => driver.FindElements(By.CssSelector("#prices tr td.new, #prices tr td.up, #prices tr td.down")).FirstOrDefault(), TimeSpan.FromSeconds(90));
            var trendingRows = await UntilAsync(() => driver.FindElements(By.CssSelector("#trending tr td.num")).FirstOrDefault(), TimeSpan.FromSeconds(60));

            Assert.Matches("^(● new|▲ up|▼ down)$", change.Text);
            Assert.True(long.Parse(trendingRows.Text, System.Globalization.CultureInfo.InvariantCulture) > 0);
            Assert.StartsWith("Updated", driver.FindElement(By.Id("status")).Text, StringComparison.Ordinal);
            Assert.Equal("Events per second", driver.FindElement(By.CssSelector(".numbers dt")).Text);

                // Events/s over the last minutes: the series' own colour is on the canvas, not only axes and grid.
                await UntilAsync(() => Points(driver, "throughput-chart") >= 2 ? driver.FindElement(By.Id("throughput-chart")) : null, TimeSpan.FromSeconds(30));
                Assert.True(SeriesPixels(driver, "throughput-chart", 31, 111, 235) > 20, "the events/s line is drawn");

                // The stock-risk list, likeliest first, with its bars; its variants have a sell-through range to chart.
                // The page redraws its lists every 2 seconds, so each look at them is one script.
                await UntilAsync(() => driver.FindElements(By.CssSelector("#risk button.variant")).FirstOrDefault(), TimeSpan.FromSeconds(90));
                var rows = (IReadOnlyCollection<object>)driver.ExecuteScript(
                    "return [...document.querySelectorAll('#risk tr')].map(r => [r.querySelector('td.chance')?.textContent ?? '', r.querySelector('.bar > span')?.getBoundingClientRect().width ?? 0]);")!;
                var chances = rows.Cast<IReadOnlyCollection<object>>().Select(r => (Text: (string)r.First(), Width: Convert.ToDouble(r.Last(), System.Globalization.CultureInfo.InvariantCulture))).ToList();
                Assert.NotEmpty(chances);
                Assert.All(chances, c => Assert.True(c.Width > 0, "a bar shows its chance"));
                var percents = chances.Select(c => int.Parse(c.Text.TrimEnd('%'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
                Assert.All(percents, p => Assert.InRange(p, 10, 100));
                Assert.Equal(percents.OrderDescending(), percents);

                // Clicking it charts its price history and its projected stock inside the sell-through band.
                var picked = (string)driver.ExecuteScript("const b = document.querySelector('#risk button.variant'); b.click(); return b.textContent;")!;
                await UntilAsync(() => Points(driver, "stock-chart") >= 2 && Points(driver, "price-chart") >= 1 ? driver.FindElement(By.Id("variant")) : null, TimeSpan.FromSeconds(30));
                Assert.True(driver.FindElement(By.Id("variant")).Displayed);
                Assert.StartsWith($"Variant {picked}:", driver.FindElement(By.Id("variant-title")).Text, StringComparison.Ordinal);
                Assert.Matches(@"^Stock on hand at \d+\.\d sold a day: sold out \d{4}-\d\d-\d\d to \d{4}-\d\d-\d\d, median \d{4}-\d\d-\d\d$", driver.FindElement(By.Id("stock-caption")).Text);
                Assert.True(SeriesPixels(driver, "price-chart", 31, 111, 235) > 0, "the dynamic price is drawn");
                Assert.True(SeriesPixels(driver, "stock-chart", 27, 31, 36) > 20, "the median stock line is drawn");
        });
    }

    [SkippableFact]
    public async Task The_page_lists_a_price_suggestion_and_approving_it_writes_it_to_shopify()
    {
        RequireChromium();
        await using var fake = FakeShopifyAdmin.Start([new FakeProduct(31000, "Browser lamp", new FakeVariant(31001, "lamp", 40.00m, 12, 31901), new FakeVariant(31002, "lamp-xl", 60.00m, 4, 31902))]);
        await using var silo = HostProcess.Start("Retail.Silo", new Dictionary<string, string>(HostProcess.OwnOrleansPorts())
        {
            ["Demo:Enabled"] = "false",
            ["Shopify:WebhookSecret"] = "browser-test-key",
            ["Pricing:Apply"] = "suggest",
            ["Pricing:Policy"] = "seed",
        }.Concat(fake.Settings()).ToDictionary(), "browser-suggest-silo");
        await silo.WaitReadyAsync(TimeSpan.FromSeconds(90));

        await WithPageAsync(silo, "kpi-page-suggestions.png", async driver =>
        {
            // The seed rule suggests base × 1.01 for both synced variants; the page lists them with their buttons.
            var approve = await UntilAsync(() => driver.FindElements(By.CssSelector("#suggestions button[data-variant='31001'][data-action='approve']")).FirstOrDefault(), TimeSpan.FromSeconds(90));
            await UntilAsync(() => driver.FindElements(By.CssSelector("#suggestions button[data-variant='31002'][data-action='reject']")).FirstOrDefault(), TimeSpan.FromSeconds(30));
            var row = approve.FindElement(By.XPath("./ancestor::tr"));
            Assert.Equal(["31001", "40.00", "40.40"], row.FindElements(By.TagName("td")).Take(3).Select(c => c.Text));

            approve.Click();
            await UntilAsync(() => driver.FindElements(By.CssSelector("#suggestions button[data-variant='31001']")).Count == 0 ? driver.FindElement(By.Id("suggestions-status")) : null, TimeSpan.FromSeconds(30));
            driver.FindElement(By.CssSelector("#suggestions button[data-variant='31002'][data-action='reject']")).Click();
            await UntilAsync(() => driver.FindElements(By.CssSelector("#suggestions button[data-variant='31002']")).Count == 0 ? driver.FindElement(By.Id("suggestions-status")) : null, TimeSpan.FromSeconds(30));
        });

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (fake.Writes.IsEmpty && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var write = Assert.Single(fake.Writes);
        Assert.Equal((31000L, "written"), (write.ProductId, write.Answer));
        Assert.Equal([(31001L, 40.40m)], write.Prices);
        var log = await File.ReadAllTextAsync(silo.LogFile);
        Assert.Contains("Shopify catalog sync done: 1 products, 2 variants", log, StringComparison.Ordinal);
        Assert.DoesNotContain(FakeShopifyAdmin.Token, log, StringComparison.Ordinal);
    }

    private static void RequireChromium()
    {
        if (!File.Exists(Chromium) || !File.Exists(ChromeDriver))
        {
            Missing.Requirement("Chromium is not installed (apt-get install chromium chromium-driver); scripts/test.sh installs it.");
        }
    }

    /// <summary>Opens the silo's page in headless Chromium, runs <paramref name="test"/>, and saves a screenshot.</summary>
    private static async Task WithPageAsync(HostProcess silo, string screenshotName, Func<ChromeDriver, Task> test)
    {
        var profile = Directory.CreateTempSubdirectory("retail-chromium-");
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1280,1000", $"--user-data-dir={profile.FullName}");
        using var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        using var driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        try
        {
            await driver.Navigate().GoToUrlAsync(new Uri(silo.Http.BaseAddress!, "/"));
            Assert.Equal("Retail — live KPIs", driver.Title);
            await test(driver);
        }
        finally
        {
            var screenshot = Path.Combine(ArtifactsFolder(), screenshotName);
            driver.GetScreenshot().SaveAsFile(screenshot);
            Console.WriteLine($"Screenshot: {screenshot}");
            driver.Quit();
            profile.Delete(recursive: true);
        }
    }

    /// <summary>How many points the page says a chart shows.</summary>
    private static int Points(ChromeDriver driver, string chart) =>
        Convert.ToInt32(driver.ExecuteScript($"return Number(document.getElementById('{chart}').dataset.points ?? 0);"), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Pixels of a chart's canvas in a series' colour: data drawn, not just the axes.</summary>
    private static long SeriesPixels(ChromeDriver driver, string chart, int red, int green, int blue) =>
        Convert.ToInt64(driver.ExecuteScript($$"""
            const canvas = document.querySelector('#{{chart}} canvas');
            if (!canvas) return 0;
            const data = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height).data;
            let count = 0;
            for (let i = 0; i < data.length; i += 4) {
              if (data[i + 3] > 200 && Math.abs(data[i] - {{red}}) < 12 && Math.abs(data[i + 1] - {{green}}) < 12 && Math.abs(data[i + 2] - {{blue}}) < 12) count++;
            }
            return count;
            """), System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The CI output folder when run from the repository, else the test output folder.</summary>
    private static string ArtifactsFolder()
    {
        var root = RepositoryRoot.Find();
        var artifacts = root is null ? Path.Combine(AppContext.BaseDirectory, "artifacts") : Path.Combine(root, ".ci", "out", "artifacts");
        Directory.CreateDirectory(artifacts);
        return artifacts;
    }

    private static async Task<IWebElement> UntilAsync(Func<IWebElement?> find, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            if (find() is { } element)
            {
                return element;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The page did not show it within {timeout}.");
            }

            await Task.Delay(250);
        }
    }
}
