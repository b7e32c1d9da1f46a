import { useLoaderData } from "@remix-run/react";

export async function loader() {
  return {
    items: Array.from({ length: 20 }, (_, i) => ({ id: `item-${i + 1}`, name: `Item ${i + 1}`, priceCents: 1000 + i * 250 })),
  };
}

export default function Index() {
  const { items } = useLoaderData<typeof loader>();
  return (
    <main>
      <h1>Bare Remix</h1>
      <ul>
        {items.map((item) => (
          <li key={item.id}>
            {item.name}: ${(item.priceCents / 100).toFixed(2)}
          </li>
        ))}
      </ul>
    </main>
  );
}
