// The reference echo bot for bench/run.sh: Microsoft's JavaScript Bot Framework SDK (botbuilder's CloudAdapter)
// with authentication off (no MicrosoftAppId), answering every message with "Echo: <text>" through the Connector
// at the activity's serviceUrl. It exists only to be measured beside RolePlayBot under the same load.
//
// With MODEL_URL set (an OpenAI-compatible base URL, e.g. the load tool's stub at http://127.0.0.1:port/v1/) it is
// the model relay instead: for each message it makes the two calls a RolePlayBot model turn makes, at once (the
// customer, streamed; the judge, JSON), and answers with the customer's text. Nothing is stored, rendered, masked or
// judged: what it adds to a turn beyond the model's time is the floor that the load tool, the loopback trips and the
// SDK set on this machine, measured the same way as RolePlayBot's own time.
// Node's own http server is used with the small shim below instead of restify/express, so the SDK's work is what
// is measured, not a web framework's.
'use strict';

const http = require('node:http');
const {
  ActivityHandler,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
} = require('botbuilder');

const port = Number(process.env.PORT || 3979);

// Empty MicrosoftAppId: the SDK skips token validation inbound and sends no token outbound (as with the Emulator).
const auth = new ConfigurationBotFrameworkAuthentication({ MicrosoftAppId: '', MicrosoftAppPassword: '', MicrosoftAppType: 'MultiTenant' });
const adapter = new CloudAdapter(auth);
adapter.onTurnError = async (context, error) => {
  console.error(`turn error: ${error}`);
};

class EchoBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      await context.sendActivity(`Echo: ${context.activity.text}`);
      await next();
    });
  }
}

const modelUrl = process.env.MODEL_URL;

// One Chat Completions call; the customer's streams (Server-Sent Events, its text put together from the deltas).
async function complete(body) {
  const response = await fetch(new URL('chat/completions', modelUrl), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer bench-not-a-key' },
    body: JSON.stringify(body),
  });
  if (!response.ok) {
    throw new Error(`model answered ${response.status}`);
  }

  if (!body.stream) {
    return (await response.json()).choices[0].message.content;
  }

  const decoder = new TextDecoder();
  let pending = '';
  let text = '';
  for await (const chunk of response.body) {
    pending += decoder.decode(chunk, { stream: true });
    let end;
    while ((end = pending.indexOf('\n\n')) >= 0) {
      const event = pending.slice(0, end);
      pending = pending.slice(end + 2);
      const data = event.startsWith('data: ') ? event.slice(6) : '';
      if (data && data !== '[DONE]') {
        const choice = JSON.parse(data).choices[0];
        text += choice?.delta?.content ?? '';
      }
    }
  }

  return text;
}

class RelayBot extends ActivityHandler {
  constructor() {
    super();
    this.onMessage(async (context, next) => {
      const messages = [
        { role: 'system', content: 'You are a customer of an online shop.' },
        { role: 'user', content: context.activity.text },
      ];
      const [customer, verdict] = await Promise.all([
        complete({ model: 'bench-stub', stream: true, messages }),
        complete({ model: 'bench-stub', response_format: { type: 'json_object' }, messages }),
      ]);
      JSON.parse(verdict);
      await context.sendActivity(customer);
      await next();
    });
  }
}

const bot = modelUrl ? new RelayBot() : new EchoBot();

// The shape CloudAdapter.process expects (restify/express-like) over Node's core response.
function shim(res) {
  return {
    socket: res.socket,
    status(code) { res.statusCode = code; },
    header(name, value) { res.setHeader(name, value); },
    send(body) {
      if (typeof body === 'object') {
        res.setHeader('Content-Type', 'application/json');
        res.write(JSON.stringify(body));
      } else {
        res.write(String(body));
      }
    },
    end() { res.end(); },
  };
}

const server = http.createServer((req, res) => {
  if (req.url !== '/api/messages') {
    res.statusCode = 404;
    res.end();
    return;
  }

  const chunks = [];
  req.on('data', (chunk) => chunks.push(chunk));
  req.on('end', () => {
    try {
      req.body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      res.statusCode = 400;
      res.end();
      return;
    }

    adapter.process(req, shim(res), (context) => bot.run(context)).catch((error) => {
      console.error(error);
      if (!res.writableEnded) {
        res.statusCode = 500;
        res.end();
      }
    });
  });
});

server.keepAliveTimeout = 65000;
server.listen(port, '127.0.0.1', () => console.log(`${modelUrl ? 'model relay' : 'echo bot'} listening on http://127.0.0.1:${port}/api/messages`));
