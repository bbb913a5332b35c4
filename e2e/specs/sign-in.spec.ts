import { expect, test } from "../fixtures";
import { LoginPage } from "../pages/login-page";
import { uniqueEmail } from "../support/accounts";

// Signed out: these specs are about the login form itself.
test.use({ storageState: { cookies: [], origins: [] } });

test("a wrong password or an unknown email gets the same generic error", async ({ page, seed }) => {
  const user = await seed.user({ role: "viewer" });
  const login = new LoginPage(page);
  await login.goto();

  expect((await login.attempt(user.email, "not-the-password-at-all")).status()).toBe(401);
  await expect(login.error).toHaveText("Email or password is incorrect.");
  await expect(page).toHaveURL(/\/login$/);

  expect((await login.attempt(uniqueEmail("nobody"), "not-the-password-at-all")).status()).toBe(401);
  await expect(login.error).toHaveText("Email or password is incorrect.");
});

test("six wrong passwords for one account throttle it, even for the right password", async ({
  page,
  seed,
  request,
}) => {
  const user = await seed.user({ role: "viewer" });
  const login = new LoginPage(page);
  await login.goto();

  for (let attempt = 1; attempt <= 5; attempt++) {
    expect(
      (await login.attempt(user.email, `wrong-password-${attempt}`)).status(),
      `attempt ${attempt}`,
    ).toBe(401);
    await expect(login.error).toHaveText("Email or password is incorrect.");
  }
  expect((await login.attempt(user.email, "wrong-password-6")).status()).toBe(429);
  await expect(login.error).toContainText("Too many failed sign-ins");

  // The endpoint itself says so to any client, and the right password does not get through either.
  const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
  const response = await request.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken, json: "true" },
    maxRedirects: 0,
  });
  expect(response.status()).toBe(429);
  expect(Number(response.headers()["retry-after"])).toBeGreaterThan(0);
  expect(await response.json()).toMatchObject({ error: { code: "rate_limited" } });
});
