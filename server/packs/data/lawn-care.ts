import type { TIndustryPack } from "../schema";

/** Residential lawn care: mowing, treatments and seasonal work. Prices: US 2026, integer cents. */
export const lawnCarePack = {
  key: "lawn-care",
  icon: "Trees",
  name: { en: "Lawn Care", es: "Cuidado de jardines" },
  description: {
    en: "Residential lawn care: weekly mowing, fertilization, aeration, seasonal cleanups and hedge trimming.",
    es: "Cuidado de jardines residenciales: corte semanal de césped, fertilización, aireación, limpiezas de temporada y poda de setos.",
  },
  exampleBusinessName: { en: "Green Acres Lawn Care", es: "Jardines Verdes Mantenimiento" },
  services: [
    {
      key: "mow-edge-blow",
      name: { en: "Mow, Edge & Blow", es: "Corte, orillado y soplado" },
      description: {
        en: "Mowing, edging along sidewalks and beds, string trimming and blowing off hard surfaces, for a standard lot of up to a quarter acre.",
        es: "Corte de césped, orillado junto a banquetas y jardineras, recorte con desbrozadora y soplado de superficies duras, para terrenos estándar de hasta un cuarto de acre.",
      },
      durationMinutes: 45,
      priceCents: 5500,
    },
    {
      key: "fertilization-weed-control",
      name: { en: "Fertilization & Weed Control", es: "Fertilización y control de maleza" },
      description: {
        en: "A seasonal fertilizer application with targeted weed control, timed for your grass type and local climate.",
        es: "Una aplicación de fertilizante de temporada con control de maleza localizado, programada según su tipo de pasto y el clima de la zona.",
      },
      durationMinutes: 30,
      priceCents: 7500,
    },
    {
      key: "core-aeration",
      name: { en: "Core Aeration", es: "Aireación del césped" },
      description: {
        en: "We pull small plugs of soil to loosen compaction so water, air and nutrients reach the roots.",
        es: "Sacamos pequeños tapones de tierra para descompactar el suelo y que el agua, el aire y los nutrientes lleguen a las raíces.",
      },
      durationMinutes: 60,
      priceCents: 14900,
    },
    {
      key: "aeration-overseeding",
      name: { en: "Aeration + Overseeding", es: "Aireación y resiembra" },
      description: {
        en: "Core aeration followed by premium seed to fill in thin or bare spots. Best done in early fall or spring.",
        es: "Aireación seguida de semilla de alta calidad para rellenar las áreas débiles o sin pasto. Lo ideal es hacerlo a principios del otoño o en primavera.",
      },
      durationMinutes: 120,
      priceCents: 27900,
    },
    {
      key: "seasonal-cleanup",
      name: { en: "Spring or Fall Cleanup", es: "Limpieza de temporada (primavera u otoño)" },
      description: {
        en: "Clearing leaves, sticks and debris from the lawn and beds, cutting back perennials and hauling everything away.",
        es: "Retiramos hojas, ramas y escombros del césped y las jardineras, recortamos las plantas perennes y nos llevamos todo.",
      },
      durationMinutes: 180,
      priceCents: 29900,
    },
    {
      key: "leaf-removal",
      name: { en: "Leaf Removal", es: "Recolección de hojas" },
      description: {
        en: "Blowing, raking and bagging or hauling away fallen leaves from your lawn, beds and driveway.",
        es: "Soplamos, rastrillamos y embolsamos o nos llevamos las hojas caídas del césped, las jardineras y la entrada de la casa.",
      },
      durationMinutes: 120,
      priceCents: 19900,
    },
    {
      key: "hedge-shrub-trimming",
      name: { en: "Hedge & Shrub Trimming", es: "Poda de setos y arbustos" },
      description: {
        en: "Shaping hedges and shrubs up to eight feet tall, with all clippings cleaned up and removed.",
        es: "Damos forma a setos y arbustos de hasta ocho pies de altura, y limpiamos y retiramos todos los recortes.",
      },
      durationMinutes: 120,
      priceCents: 12900,
    },
    {
      key: "mulch-installation",
      name: { en: "Mulch Installation", es: "Colocación de mantillo (mulch)" },
      description: {
        en: "Bed edging, weeding and up to five cubic yards of fresh hardwood mulch, delivered and spread.",
        es: "Perfilado y deshierbe de jardineras, más hasta cinco yardas cúbicas de mantillo de madera nuevo, entregado y esparcido.",
      },
      durationMinutes: 240,
      priceCents: 34900,
    },
  ],
  faq: [
    {
      question: { en: "Do I need to be home when you come?", es: "¿Necesito estar en casa cuando vengan?" },
      answer: {
        en: "No. As long as we can get into the yard, we can do the work while you are away. If you have a locked gate, add the gate code to your profile.",
        es: "No. Mientras podamos entrar al patio, hacemos el trabajo aunque usted no esté. Si tiene un portón con llave o código, agregue el código a su perfil.",
      },
    },
    {
      question: { en: "What about my dog?", es: "¿Qué pasa con mi perro?" },
      answer: {
        en: "For everyone's safety, please keep pets inside on service days, and pick up pet waste so our mowers can cover the whole lawn.",
        es: "Por la seguridad de todos, le pedimos que deje a sus mascotas adentro los días de servicio y que recoja los desechos para que podamos cortar todo el césped.",
      },
    },
    {
      question: { en: "What happens if it rains?", es: "¿Qué pasa si llueve?" },
      answer: {
        en: "Mowing wet grass damages the lawn, so on rainy days we move your visit to the next dry day and send you a text with the new date.",
        es: "Cortar el pasto mojado daña el césped, así que en días de lluvia pasamos su visita al siguiente día seco y le mandamos un mensaje de texto con la nueva fecha.",
      },
    },
    {
      question: { en: "How is my price calculated?", es: "¿Cómo calculan el precio?" },
      answer: {
        en: "Our listed prices are for a standard lot of up to a quarter acre. Larger lots, steep slopes or heavy overgrowth are quoted after a quick look at the property.",
        es: "Los precios publicados son para terrenos estándar de hasta un cuarto de acre. Los terrenos más grandes, con mucha pendiente o muy crecidos se cotizan después de revisar la propiedad.",
      },
    },
    {
      question: { en: "How often should my lawn be mowed?", es: "¿Cada cuánto se debe cortar el césped?" },
      answer: {
        en: "Weekly during the growing season keeps grass healthy and thick. In cooler months we switch to every other week.",
        es: "Cada semana durante la temporada de crecimiento, para que el césped se mantenga sano y tupido. En los meses más frescos pasamos a cada dos semanas.",
      },
    },
    {
      question: { en: "Do I have to sign a contract?", es: "¿Tengo que firmar un contrato?" },
      answer: {
        en: "No long-term contracts. You can pause or cancel your service at any time; we only ask for 24 hours' notice before a scheduled visit.",
        es: "No tenemos contratos a largo plazo. Puede pausar o cancelar su servicio cuando quiera; solo le pedimos avisar con 24 horas de anticipación antes de una visita programada.",
      },
    },
    {
      question: { en: "How do I pay?", es: "¿Cómo puedo pagar?" },
      answer: {
        en: "We charge the card on file after each visit and email you a receipt. We also accept Zelle and checks for seasonal services.",
        es: "Cobramos a la tarjeta registrada después de cada visita y le enviamos el recibo por correo electrónico. También aceptamos Zelle y cheques para los servicios de temporada.",
      },
    },
    {
      question: { en: "Do you take the clippings away?", es: "¿Se llevan el pasto cortado?" },
      answer: {
        en: "We mulch clippings back into the lawn because it feeds the grass. If you prefer, we can bag and haul them away for a small fee.",
        es: "Dejamos el pasto cortado triturado sobre el césped porque lo nutre. Si lo prefiere, podemos embolsarlo y llevárnoslo por un pequeño cargo.",
      },
    },
  ],
  customerFields: [
    { key: "lotSize", label: { en: "Lot size", es: "Tamaño del terreno" }, type: "text" },
    { key: "gateCode", label: { en: "Gate code", es: "Código del portón" }, type: "text" },
  ],
  config: {
    HOURS: {
      weekly: {
        mon: [{ open: "07:00", close: "18:00" }],
        tue: [{ open: "07:00", close: "18:00" }],
        wed: [{ open: "07:00", close: "18:00" }],
        thu: [{ open: "07:00", close: "18:00" }],
        fri: [{ open: "07:00", close: "18:00" }],
        sat: [{ open: "08:00", close: "14:00" }],
        sun: [],
      },
    },
    AI: {
      persona: {
        en: "A friendly, down-to-earth and concise assistant for a lawn care company. It knows mowing schedules, seasonal treatments and cleanups, and asks about lot size and gate access before booking. It only quotes prices from the service list, never invents them, and offers to set up a visit or a recurring plan. When it is unsure or a property needs a custom quote, it hands the conversation to a team member.",
        es: "Un asistente amable, sencillo y conciso para una empresa de cuidado de jardines. Conoce los calendarios de corte, los tratamientos de temporada y las limpiezas, y pregunta por el tamaño del terreno y el acceso al patio antes de agendar. Solo da precios de la lista de servicios, nunca los inventa, y ofrece programar una visita o un plan recurrente. Cuando tiene dudas o una propiedad necesita una cotización especial, pasa la conversación a una persona del equipo.",
      },
      greeting: {
        en: "Thanks for calling {{businessName}}! I can help you schedule lawn service or get a quote. What can I do for you?",
        es: "¡Gracias por llamar a {{businessName}}! Con gusto le ayudo a programar el servicio para su jardín o a pedir una cotización. ¿En qué le puedo ayudar?",
      },
      tone: "FRIENDLY",
    },
    SITE: {
      headline: { en: "The best-looking lawn on the block", es: "El jardín más bonito de la cuadra" },
      tagline: {
        en: "Reliable weekly mowing, treatments and seasonal cleanups. No contracts.",
        es: "Corte semanal, tratamientos y limpiezas de temporada, con puntualidad y sin contratos.",
      },
      about: {
        en: "{{businessName}} is a local lawn care crew that shows up on schedule, leaves every yard tidy and keeps you posted by text.",
        es: "{{businessName}} es un equipo local de jardinería que llega a tiempo, deja cada patio limpio y ordenado, y le mantiene al tanto por mensaje de texto.",
      },
      primaryColor: "#15803D",
      blocks: ["hero", "services", "gallery", "reviews", "about", "faq", "hours", "contact"],
    },
    LOYALTY: {
      pointsPerDollar: 1,
      welcomeBonusPoints: 50,
      rewardThresholdPoints: 600,
      rewardDescription: { en: "One free mow (standard lot)", es: "Un corte de césped gratis (terreno estándar)" },
    },
  },
} satisfies TIndustryPack;
