import { expect, test } from "../fixtures";
import { ChatPage } from "../pages/chat-page";
import { IntegrationFormPage } from "../pages/integration-form-page";
import { uniqueSuffix } from "../support/accounts";

test("an operator chats through a sync integration and sees the route, tool, arguments and result", async ({
  page,
  seed,
}) => {
  const server = await seed.server();
  const slug = `chat-${uniqueSuffix()}`;
  const name = `Chat ${slug}`;
  await page.goto("/integrations/new");
  const form = new IntegrationFormPage(page);
  await form.name.fill(name);
  await form.slug.fill(slug);
  await form.kind.selectOption("github");
  await form.form.getByLabel("Mode").selectOption("sync");
  await form.secret.fill("e2e-chat-secret-value");
  await form.fillRoute(0, {
    name: "Issues",
    // The sample event is a GitHub "issues" delivery with action "opened": its event type is issues.opened.
    eventType: "issues.*",
    serverName: server.name,
    toolName: "echo",
    arguments: '{ "message": payload.issue.title }',
  });
  await form.save();

  const chat = new ChatPage(page);
  await chat.goto();
  await expect(chat.heading).toHaveText("Chat");
  await chat.toIntegration(`${name} (github, sync)`, "The printer is on fire");
  const turn = chat.turns().last();
  await expect(turn).toContainText("succeeded");
  await expect(turn.getByTestId("chat-route")).toHaveText("Issues");
  await expect(turn.getByTestId("chat-tool")).toContainText("echo");
  await expect(turn.getByTestId("chat-result")).toContainText("Echo: The printer is on fire");
  await expect(chat.log).toContainText("to Chat");

  // A direct tool call continues the same conversation.
  await chat.toTool(`${server.name} (${server.slug})`, "echo", '{ "message": "direct" }');
  await expect(chat.turns()).toHaveCount(2);
  await expect(chat.turns().last().getByTestId("chat-result")).toContainText("Echo: direct");
});

test("arguments that are not JSON are refused before anything is sent", async ({ page, seed }) => {
  const server = await seed.server();
  const chat = new ChatPage(page);
  await chat.goto();
  await chat.toTool(`${server.name} (${server.slug})`, "echo", "{ not json");
  await expect(chat.log.getByRole("alert")).toHaveText("The arguments are not valid JSON.");
  await expect(chat.turns()).toHaveCount(0);
});

test("a viewer cannot open the chat", async ({ seed, signInAs }) => {
  const viewer = await signInAs(await seed.user({ role: "viewer" }));
  await viewer.goto("/chat");
  await expect(viewer).toHaveURL(/\/forbidden$/);
  await expect(viewer.getByRole("link", { name: "Chat" })).toHaveCount(0);
});
