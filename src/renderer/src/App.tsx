export function App() {
  return <main>Dockhand</main>;
}
