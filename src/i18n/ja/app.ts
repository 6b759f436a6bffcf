// The product's own words: its name (mail sender, OpenAPI title, rich menu, start-up errors) and what
// any client reads when the server cannot answer.
export const app = {
  name: "相談予約ボット",
  unavailable: "ただいま一時的にご利用いただけません。少し時間をおいて、もう一度お試しください。",
};
