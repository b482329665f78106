// The reference echo bot for bench/run.sh: Microsoft's JavaScript Bot Framework SDK (botbuilder's CloudAdapter)
// with authentication off (no MicrosoftAppId), answering every message with "Echo: <text>" through the Connector
// at the activity's serviceUrl. It exists only to be measured beside RolePlayBot under the same load.
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

const bot = new EchoBot();

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
server.listen(port, '127.0.0.1', () => console.log(`echo bot listening on http://127.0.0.1:${port}/api/messages`));
