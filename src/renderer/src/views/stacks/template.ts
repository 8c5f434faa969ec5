/** What "New stack" starts from: a small file that shows the shape. */
export const NEW_STACK_TEMPLATE = `services:
  web:
    image: nginx:alpine
    ports:
      - "8080:80"
    restart: unless-stopped
`;
