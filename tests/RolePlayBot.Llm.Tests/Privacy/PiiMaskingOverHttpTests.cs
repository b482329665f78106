using System.Text.RegularExpressions;
using RolePlayBot.Core.Checklist;
using RolePlayBot.Core.Customers;
using RolePlayBot.Core.Evaluation;
using RolePlayBot.Llm.Privacy;
using RolePlayBot.Llm.Tests.Fakes;

namespace RolePlayBot.Llm.Tests.Privacy;

/// <summary>The masking decorator over the real HTTP client against the loopback model server.</summary>
public sealed partial class PiiMaskingOverHttpTests
{
    private const string Phone = "138 0013 8000";
    private const string Address = "广东省深圳市南山区科技园路88号3栋2单元1201室";
    private const string Email = "lin.wang@example.com";
    private const string Order = "2026111803217";

    private const string Reply = "王女士您好，非常抱歉让您收到漏水的水壶！已为您登记换货，寄到" + Address + "，联系电话" + Phone
        + "，订单" + Order + "今天18点前发出，有问题发邮件到" + Email + "。";

    private static readonly string[] Secrets = [Phone, "13800138000", Address, "科技园路88号", Email, Order];

    [Fact]
    public async Task The_judge_sees_no_private_detail_and_its_quotes_still_match_the_reply()
    {
        await using var server = new FakeChatServer();
        server.Responder = request =>
        {
            // The judge quotes the reply as it saw it: with the placeholders.
            var user = request.User;
            var phone = Placeholder("MOBILE").Match(user).Value;
            var address = Placeholder("ADDRESS").Match(user).Value;
            Assert.NotEmpty(phone);
            Assert.NotEmpty(address);
            return ScriptedReply.Completion(JudgeAnswers.With(
                (ChecklistItemIds.Apology, "非常抱歉让您收到漏水的水壶"),
                (ChecklistItemIds.ConcreteSolution, $"已为您登记换货，寄到{address}，联系电话{phone}")));
        };
        var judge = new LlmJudgeEvaluator(Samples.Client(server).UsePiiMasking(new PiiMaskingOptions()), Samples.JudgeTemplate, new FakeRules());

        var result = await judge.EvaluateAsync(Samples.Request(Reply));

        var request = Assert.Single(server.Requests);
        Assert.All(Secrets, secret => Assert.DoesNotContain(secret, request.Body, StringComparison.Ordinal));
        Assert.EndsWith(PiiMaskingChatClient.PlaceholderNote, request.System, StringComparison.Ordinal);   // told what they mean
        Assert.DoesNotContain(result.Diagnostics, d => d.Contains("not in the reply", StringComparison.Ordinal));
        var solution = result.Find(ChecklistItemIds.ConcreteSolution)!;
        Assert.Equal(ObservationSources.Llm, solution.Source);
        Assert.Equal($"已为您登记换货，寄到{Address}，联系电话{Phone}", solution.Evidence);
        Assert.Contains(solution.Evidence!, Reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_masking_the_same_call_sends_the_details()
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion(JudgeAnswers.With()));
        var judge = new LlmJudgeEvaluator(Samples.Client(server).UsePiiMasking(new PiiMaskingOptions { Enabled = false }), Samples.JudgeTemplate, new FakeRules());

        await judge.EvaluateAsync(Samples.Request(Reply));

        Assert.Contains(Phone, Assert.Single(server.Requests).Body, StringComparison.Ordinal);
        Assert.DoesNotContain("[MOBILE_1]", server.Requests[0].System, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_customer_reply_comes_back_unmasked_whole_and_streamed()
    {
        await using var server = new FakeChatServer();
        var context = Samples.Context() with
        {
            Transcript = [.. Samples.Context().Transcript, new(Speaker.Trainee, "麻烦确认一下手机" + Phone + "和订单号TB20240512001")],
        };
        var customer = new ModelCustomer(Samples.Client(server).UsePiiMasking(new PiiMaskingOptions()), Samples.CustomerTemplate, new FakeScriptedCustomer());
        server.Responder = request =>
        {
            var phone = Placeholder("MOBILE").Match(request.Body).Value;
            var order = Placeholder("ORDER").Match(request.Body).Value;
            return request.Json.TryGetProperty("stream", out var stream) && stream.GetBoolean()
                ? ScriptedReply.Stream($"手机是{phone[..3]}", $"{phone[3..]}没错，", $"订单{order}。")
                : ScriptedReply.Completion($"对，手机{phone}，订单{order}。");
        };

        var whole = await customer.NextAsync(context);
        var reports = new List<string>();
        var streamed = await customer.NextAsync(context, new Reports(reports), CancellationToken.None);

        Assert.Equal(CustomerMessage.Model, whole.Source);
        Assert.Equal($"对，手机{Phone}，订单TB20240512001。", whole.Text);
        Assert.Equal($"手机是{Phone}没错，订单TB20240512001。", streamed.Text);
        // The trainee watching the stream never sees a placeholder, not even a half one.
        Assert.NotEmpty(reports);
        Assert.All(reports, r => Assert.DoesNotContain("[", r, StringComparison.Ordinal));
        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, r =>
        {
            Assert.DoesNotContain(Phone, r.Body, StringComparison.Ordinal);
            Assert.DoesNotContain("TB20240512001", r.Body, StringComparison.Ordinal);
        });
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_engine_factory_masks_what_the_model_customer_sends_unless_switched_off(bool enabled)
    {
        await using var server = new FakeChatServer();
        server.Enqueue(ScriptedReply.Completion("好的。"));
        var options = Samples.Options(server.OpenAiEndpoint);
        options.Masking.Enabled = enabled;
        var prompts = Path.Combine(AppContext.BaseDirectory, "prompts");
        var setup = PracticeEngineFactory.Create(options, ChecklistLoader.LoadDefault(AppContext.BaseDirectory), new FakeRules(), new ProportionalReplyScorer(), prompts);
        var context = Samples.Context() with { Transcript = [.. Samples.Context().Transcript, new(Speaker.Trainee, "手机" + Phone + "对吗")] };

        await setup.Engines.Customer.NextAsync(context);

        var body = Assert.Single(server.Requests).Body;
        Assert.Equal(!enabled, body.Contains(Phone, StringComparison.Ordinal));
        Assert.Equal(!enabled, body.Contains("TB20240512001", StringComparison.Ordinal));   // the persona's own order number
    }

    private static Regex Placeholder(string label) => new($@"\[{label}_\d+\]");

    private sealed class Reports(List<string> seen) : IProgress<string>
    {
        public void Report(string value) => seen.Add(value);
    }
}
