// The trainee's page: Microsoft's Web Chat (wwwroot/lib/webchat.js, from npm at build time) talking to the embedded
// Direct Line of this host, or to Azure's when the server is configured so. A reload comes back to the same
// conversation (the resume ticket in localStorage). ?transport=polling switches off the
// WebSocket; ?locale= overrides the browser's language. Every Web Chat action is recorded in window.__rpbActions so
// tests can wait on them instead of sleeping.
(async function () {
  'use strict';

  window.__rpbActions = [];
  const params = new URLSearchParams(location.search);
  const webSocket = params.get('transport') !== 'polling';
  const locale = chooseLocale(params.get('locale') || navigator.language);
  document.documentElement.lang = locale;

  try {
    const config = await getJson('webchat/config');
    // The resume ticket brings a reloaded page (or one open across a restart of the bot) back to its conversation,
    // so a practice session in progress goes on instead of starting over.
    const resumeKey = 'rpb.resume';
    const session = await getJson('webchat/token', { userId: stableUserId(), resume: localStorage.getItem(resumeKey) || undefined });
    if (session.resume) {
      localStorage.setItem(resumeKey, session.resume);
    }

    const domain = config.domain || new URL('v3/directline', location.href).href;
    const directLine = window.WebChat.createDirectLine({ domain, token: session.token, webSocket });

    const store = window.WebChat.createStore({}, ({ dispatch }) => next => action => {
      window.__rpbActions.push(record(action));
      if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
        // The welcome pattern: the bot greets on this event, once the client can receive the greeting.
        dispatch({ type: 'WEB_CHAT/SEND_EVENT', payload: { name: 'webchat/join', value: { locale } } });
      }

      return next(action);
    });

    window.WebChat.renderWebChat(
      {
        directLine,
        store,
        userID: session.userId,
        username: locale.startsWith('zh') ? '客服学员' : 'Trainee',
        locale,
        styleOptions: {
          accent: '#c2410c',
          backgroundColor: '#ffffff',
          bubbleBackground: '#f3f4f6',
          bubbleBorderRadius: 10,
          bubbleFromUserBackground: '#c2410c',
          bubbleFromUserTextColor: '#ffffff',
          bubbleFromUserBorderRadius: 10,
          bubbleMaxWidth: 560,
          botAvatarInitials: '客',
          userAvatarInitials: '我',
          botAvatarBackgroundColor: '#fed7aa',
          userAvatarBackgroundColor: '#fdba74',
          hideUploadButton: true,
          sendBoxButtonColor: '#c2410c',
          primaryFont: '"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", system-ui, sans-serif',
        },
      },
      document.getElementById('webchat'),
    );
    document.querySelector('[data-id="webchat-sendbox-input"]')?.focus();
  } catch (error) {
    const message = document.getElementById('rpb-error');
    message.textContent = `无法连接陪练服务，请刷新重试。Could not connect: ${error.message}`;
    message.hidden = false;
  }

  function chooseLocale(language) {
    if (!language || language.toLowerCase().startsWith('zh')) {
      return 'zh-CN';
    }

    return language;
  }

  // One id per browser, so a trainee's sessions stay together. Web Chat refuses ids starting with dl_.
  function stableUserId() {
    const key = 'rpb.userId';
    let id = localStorage.getItem(key);
    if (!id || id.startsWith('dl_')) {
      const bytes = crypto.getRandomValues(new Uint8Array(12));
      id = 'u_' + Array.from(bytes, b => b.toString(16).padStart(2, '0')).join('');
      localStorage.setItem(key, id);
    }

    return id;
  }

  async function getJson(url, body) {
    const response = await fetch(url, body === undefined
      ? {}
      : { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    if (!response.ok) {
      throw new Error(`${url}: HTTP ${response.status}`);
    }

    return response.json();
  }

  function record(action) {
    try {
      return JSON.parse(JSON.stringify({ type: action.type, payload: action.payload, meta: action.meta }));
    } catch {
      return { type: action.type };
    }
  }
})();
