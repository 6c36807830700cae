'use strict';

const memoize = require('memoizee');
const { SESv2Client, SendEmailCommand } = require('@aws-sdk/client-sesv2');
const { SSMClient, GetParameterCommand } = require('@aws-sdk/client-ssm');
const Handlebars = require('handlebars');

const ses = new SESv2Client({});
const ssm = new SSMClient({});

const loadTemplate = memoize( // expect: no-unbounded-cache-in-handler
  async (name) => {
    const out = await ssm.send(new GetParameterCommand({ Name: `/mail/templates/${name}` }));
    return Handlebars.compile(out.Parameter.Value);
  },
  { promise: true },
);

const senderFor = memoize((tenant) => `${tenant}-noreply@mail.example.com`, { max: 100 });

exports.handler = async function notify(event) {
  const results = [];
  for (const message of event.Records.map((r) => JSON.parse(r.body))) {
    const render = await loadTemplate(message.template);
    const html = render(message.data);
    await ses.send(
      new SendEmailCommand({
        FromEmailAddress: senderFor(message.tenant),
        Destination: { ToAddresses: [message.to] },
        Content: { Simple: { Subject: { Data: message.subject }, Body: { Html: { Data: html } } } },
      }),
    );
    results.push(message.id);
  }
  return { batchItemFailures: [], sent: results.length };
};
